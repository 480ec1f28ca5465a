import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consolidateDraft } from '../../src/export/consolidate-draft.js';
import { exportInput } from '../../src/export/export-input.js';
import type { Draft } from '../../src/model/schemas.js';
import { renderAkn } from '../../src/render/render-akn.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT, makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const bundledDraft = (await checkDraft(await loadDraft(BUNDLED_DRAFT))).draft as Draft;
const bundled = (): Draft => structuredClone(bundledDraft);
const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) console.warn('SKIPPED: python3 not installed, so the Akoma Ntoso XML is not parsed by a real XML parser');

/** Parses the XML with a real parser (Python's expat) and returns its error, or '' when well-formed. */
function xmlError(xml: string): string {
  const file = join(makeTempDir('akn'), 'draft.xml');
  writeFileSync(file, xml);
  const result = spawnSync('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])', file], { encoding: 'utf8' });
  return result.status === 0 ? '' : result.stderr;
}

describe('renderAkn', () => {
  const xml = renderAkn(exportInput(bundled(), 'compilation'));

  it('gives sections and paragraphs stable eIds from their numbers', () => {
    expect(xml).toContain('<section eId="sec_3a">');
    expect(xml).toContain('<paragraph eId="para_61" refersTo="#open #bracketed">');
    expect(xml).toContain('<paragraph eId="para_39" refersTo="#agreed">');
    expect(xml).toContain('<num>61.</num>');
  });

  it('links alternatives to what they compete with by alternativeTo', () => {
    expect(xml).toContain('<paragraph eId="para_61__alt_1" alternativeTo="para_61" class="alternative">');
    expect(xml).toMatch(/<point eId="para_71__list_1__point_f_6__alt_2" alternativeTo="para_71__list_1__point_f_6" class="alternative">/);
  });

  it('marks brackets and options inline', () => {
    expect(xml).toContain('technical <span class="bracket">[<span class="option">management</span>/<span class="option">development</span>]</span> of the Internet');
  });

  it.skipIf(!hasPython)('is well-formed XML, also with hostile text', () => {
    expect(xmlError(xml)).toBe('');
    const draft = bundled();
    const p56 = draft.paragraphs.find((p) => p.number === '56');
    if (p56) p56.text = '<script>alert("x")</script> & \u0001 \u202eعربى [a/<b>]';
    const hostile = renderAkn(exportInput(draft, 'compilation'));
    expect(xmlError(hostile)).toBe('');
    expect(hostile).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; \ufffd \u202eعربى');
    expect(hostile).not.toContain('<script>');
  });

  it('writes the clean text with no brackets or statuses', () => {
    const clean = consolidateDraft(bundled(), { agreedOnly: true });
    const out = renderAkn(exportInput(clean.draft, 'clean', clean.note ? { note: clean.note } : {}));
    expect(out).toContain('<doc name="consolidatedDraft">');
    expect(out).not.toContain('refersTo="#');
    expect(out).not.toContain('class="bracket"');
    expect(out).toContain('<p class="note">Not included, not yet agreed:');
  });
});
