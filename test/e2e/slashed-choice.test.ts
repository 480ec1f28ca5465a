/**
 * `[Member States]/[Contracting Parties]`: the WIPO way of writing a choice between phrases,
 * end to end with the built binary on the real WIPO IGC text of the corpus (07): `show` names
 * the choice, `accept` resolves it without leaving a stray slash, and the bracket around such a
 * choice stays one bracket to keep or drop.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, makeTempDir, ok, removeTempDirs, runNdraft, snapshotFiles } from '../helpers/sandbox.js';

const WIPO = join(REPO_ROOT, 'test', 'fixtures', 'corpus', '07-wipo-igc-tce-draft-articles-plain.txt');
let imported = '';

beforeAll(() => {
  imported = join(makeTempDir('wipo'), 'draft');
  // The import warns about the text's unbracketed choices (`should/shall`) on stderr.
  expect(runNdraft(['import', WIPO, '--out', imported]).status).toBe(0);
});
afterAll(removeTempDirs);

function copy(): string {
  const dir = join(makeTempDir('wipo-copy'), 'draft');
  cpSync(imported, dir, { recursive: true });
  return dir;
}
const ndraft = (dir: string, ...args: string[]) => runNdraft([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: 'Secretariat' } });
const text = (dir: string, file: string): string => (parse(readFileSync(join(dir, 'paragraphs', file), 'utf8')) as { text: string }).text;

describe('brackets joined by a slash, in the WIPO IGC draft articles', () => {
  it('show calls them one choice, and the bracket around them keep or drop (article 10.5)', () => {
    const shown = ok(ndraft(imported, 'show', 's10-5'));
    expect(shown).toMatch(/^ {2}¹ {2}text {12}keep or drop {12}²\[Member States\]\/³\[Contracting Parties\] ⁴\[should\]\/⁵\[shall\] …$/mu);
    expect(shown).toMatch(/^ {2}² {2}text, inside ¹ {2}choice between ² and ³ {2}Member States$/mu);
    expect(shown).toMatch(/^ {2}⁵ {2}text, inside ¹ {2}choice between ⁴ and ⁵ {2}shall$/mu);
    expect(shown).not.toMatch(/choose one of/u);
    const json = JSON.parse(ok(ndraft(imported, 'show', 's6-1', '--json'))) as { brackets: unknown[] };
    expect(json.brackets[1]).toEqual({ n: 2, where: 'text', kind: 'choice', options: ['Contracting Parties'], choiceWith: [1, 2], depth: 0 });
  });

  it('accept --keep takes one wording in place of the whole choice; --drop takes the slash with it', () => {
    const dir = copy();
    expect(ok(ndraft(dir, 'accept', 's6-1', '--bracket', 'Contracting Parties', '--keep'))).toMatch(
      /^✓ Chose bracket 2 "Contracting Parties" of the choice \[Member States\]\/\[Contracting Parties\] \(brackets 1 and 2\) in text of paragraph 1 \(s6-1\)\n/u,
    );
    expect(text(dir, 's6-1.yaml')).toMatch(/^Contracting Parties may establish or designate a competent authority,/u);
    ok(ndraft(dir, 'accept', 's10-5', '--bracket', '4', '--drop'));
    expect(text(dir, 's10-5.yaml')).toMatch(/^\[\[Member States\]\/\[Contracting Parties\] \[shall\] \[not apply sanctions/u);
    ok(ndraft(dir, 'undo'));
    expect(text(dir, 's10-5.yaml')).toMatch(/^\[\[Member States\]\/\[Contracting Parties\] \[should\]\/\[shall\] \[not apply/u);
  });

  it('refuses a wording the choice does not have, with exit 2 and nothing changed', () => {
    const dir = copy();
    const before = snapshotFiles(dir);
    const result = ndraft(dir, 'accept', 's6-1', '--bracket', '1', '--option', '3');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('ndraft: bracket 1 is one of the choice [Member States]/[Contracting Parties] (brackets 1 and 2); there is no wording 3 (--option 1 to 2)\n');
    expect(snapshotFiles(dir)).toEqual(before);
  });
});

describe('brackets their proposers open, in the TPP IP chapter (corpus 06)', () => {
  it('show names the proposals as a choice; accept keeps the words without the proposers', () => {
    const dir = join(makeTempDir('tpp'), 'draft');
    expect(runNdraft(['import', join(REPO_ROOT, 'test', 'fixtures', 'corpus', '06-tpp-ip-chapter-2013-patents.txt'), '--out', dir]).status).toBe(0);
    const shown = ok(ndraft(dir, 'show', 'artqq.e.10-pp2'));
    expect(shown).toMatch(/^ {2}¹ {2}text {2}choice between US\/AU propose and MX propose {2}US\/AU propose: useful$/mu);
    expect(shown).toMatch(/^ {2}³ {2}text {2}keep or drop +MX propose: and$/mu);
    expect(ok(ndraft(dir, 'accept', 'artqq.e.10-pp2', '--bracket', '1', '--option', 'MX'))).toMatch(/^✓ Chose MX propose "industrially applicable" of bracket 1/u);
    expect(text(dir, 'artqq.e.10-pp2.yaml')).toMatch(/^Each Party shall provide that a claimed invention is industrially applicable if it has a specific \[MX propose: and\], substantial,/u);
  });
});
