import { describe, expect, it } from 'vitest';
import { importText } from '../../src/importer/import-text.js';
import type { Draft, Paragraph } from '../../src/model/schemas.js';
import { importIntoDraft } from '../../src/revisions/import-into-draft.js';
import { markWords, markersFor } from '../../src/render/render-word-diff.js';
import { Chalk } from 'chalk';

/** A draft read from text, as `import` reads it. */
function read(text: string): Draft {
  return importText(text, { file: 'rev.txt', title: 'Draft' }).draft;
}

/** The draft as ndraft holds it: by address, with changes made to some paragraphs. */
function held(draft: Draft, changes: Record<string, (p: Paragraph) => Paragraph> = {}) {
  const byAddress = new Map(draft.paragraphs.map((p) => [p.address, changes[p.address]?.(structuredClone(p)) ?? p]));
  return { meta: draft.meta, paragraph: (address: string) => byAddress.get(address) as Paragraph };
}

const REV1 = `1. Introduction

1. We reaffirm the principles of the Geneva phase. (Agreed)

2. We recognize that capacity building matters:
a) for developing countries; (Agreed)
b) for [small island] States.

3. We note the work done so far.
[Alt 1 3. We welcome the work done so far.]
[Alt 2 3. We note [with appreciation] the work done.]

4. We call for multilingualism on the Internet.

5. We invite all stakeholders to share good practices.
`;

const plain = (changes: Parameters<typeof markWords>[0]) => markWords(changes, markersFor('plain', new Chalk({ level: 0 })));

describe('importIntoDraft', () => {
  it('changes nothing when the later text is the same text', () => {
    const result = importIntoDraft(held(read(REV1)), read(REV1), { revision: 'Rev.2' });
    expect(result.changes).toEqual([]);
    expect(result.report).toMatchObject({ matchedByNumber: 5, matchedByContent: 0, unchanged: 5, updated: [], added: [], removed: [], agreedReworded: [] });
  });

  it('keeps the address of a renumbered paragraph, gives a new one its own, removes what the text dropped', () => {
    const rev2 = REV1.replace('4. We call for multilingualism on the Internet.', '4. We support local content.\n\n5. We call for multilingualism on the Internet.')
      .replace('5. We invite all stakeholders', '6. We invite all stakeholders')
      .replace('1. We reaffirm the principles of the Geneva phase. (Agreed)\n\n', '');
    const result = importIntoDraft(held(read(REV1)), read(rev2), { revision: 'Rev.2' });
    expect(result.report.removed).toEqual(['1']);
    expect(result.report.renumbered).toEqual([
      { address: '4', before: '4', after: '5' },
      { address: '5', before: '5', after: '6' },
    ]);
    // The new paragraph is printed 4, an address the draft still uses (for the one now printed 5).
    expect(result.report.added).toEqual(['4-rev2']);
    expect(result.paragraphs.map((p) => `${p.address}:${p.number}`)).toEqual(['2:2', '3:3', '4-rev2:4', '4:5', '5:6']);
    expect(result.meta.sections[0]?.paragraphs).toEqual(['2', '3', '4-rev2', '4', '5']);
    expect(result.changes.map((c) => [c.paragraph, c.before === null ? 'created' : c.after === null ? 'removed' : 'updated'])).toEqual([
      ['4', 'updated'],
      ['5', 'updated'],
      ['4-rev2', 'created'],
      ['1', 'removed'],
    ]);
    expect(result.report.removedWithWork).toEqual([{ address: '1', what: ['agreed'] }]);
  });

  it('flags an agreed paragraph that the later text rewords, with its word diff', () => {
    const rev2 = REV1.replace('of the Geneva phase. (Agreed)', 'of the Geneva and Tunis phases. (Agreed)');
    const { report } = importIntoDraft(held(read(REV1)), read(rev2), { revision: 'Rev.2' });
    expect(report.agreedReworded).toHaveLength(1);
    const [flag] = report.agreedReworded;
    expect(flag).toMatchObject({ address: '1', stillAgreed: true });
    expect(flag?.diffs.map((d) => `${d.name}: ${plain(d.changes)}`)).toEqual(['text: We reaffirm the principles of the Geneva [-phase-]{+and Tunis phases+}.']);
  });

  it('keeps an agreement reached in ndraft where the later text has the same words and no marker; a reworded one opens', () => {
    const agreed = (p: Paragraph) => ({ ...p, status: 'agreed' as const });
    const rev2 = REV1.replace('share good practices', 'share their good practices');
    const result = importIntoDraft(held(read(REV1), { '4': agreed, '5': agreed }), read(rev2), { revision: 'Rev.2' });
    expect(result.paragraphs.find((p) => p.address === '4')?.status).toBe('agreed');
    expect(result.paragraphs.find((p) => p.address === '5')?.status).toBe('open');
    expect(result.report.agreementKept).toEqual(['4']);
    expect(result.report.agreedReworded.map((f) => [f.address, f.stillAgreed])).toEqual([['5', false]]);
    // Paragraph 4 is as the draft had it: nothing to write.
    expect(result.changes.map((c) => c.paragraph)).toEqual(['5']);
  });

  it('says when the later text brackets an agreed paragraph as a whole, and when it prints again one deleted in the draft', () => {
    const rev2 = REV1.replace('1. We reaffirm the principles of the Geneva phase. (Agreed)', '[1. We reaffirm the principles of the Geneva phase.]');
    const deleted = (p: Paragraph) => ({ ...p, status: 'deleted' as const });
    const { report } = importIntoDraft(held(read(REV1), { '4': deleted }), read(rev2), { revision: 'Rev.2' });
    expect(report.agreedReworded).toEqual([{ address: '1', before: '1', after: '1', diffs: [], stillAgreed: false, bracketed: { before: false, after: true } }]);
    expect(report.reinstated).toEqual(['4']);
  });

  it('carries positions, scope and signed notes over; positions on a bracket only while it stands as written', () => {
    const worked = (p: Paragraph): Paragraph => ({
      ...p,
      notes: [{ text: 'Chair to consult', kind: 'comment', author: 'Secretariat', date: '2026-11-30' }],
      alternatives: p.alternatives.map((alt) => (alt.label === 'Alt 1' ? { ...alt, supportedBy: ['US'], scope: { insertAt: 'end' as const } } : alt.label === 'Alt 2' ? { ...alt, opposedBy: ['EU'] } : alt)),
      bracketPositions: [{ in: 'Alt 2', bracket: '[with appreciation]', supportedBy: ['G77'] }],
    });
    const bracketWork = (p: Paragraph): Paragraph => ({ ...p, bracketPositions: [{ in: 'item b)', bracket: '[small island]', opposedBy: ['US'] }] });
    // Rev.2 rewords Alt 2's bracket and renumbers 3 as 3bis after a new 3.
    const rev2 = REV1.replace('[with appreciation]', '[with great appreciation]').replace('3. We note the work', '3. We welcome the report.\n\n3bis. We note the work').replace(/\[Alt (\d) 3\./gu, '[Alt $1 3bis.');
    const result = importIntoDraft(held(read(REV1), { '3': worked, '2': bracketWork }), read(rev2), { revision: 'Rev.2' });
    const three = result.paragraphs.find((p) => p.address === '3') as Paragraph;
    expect(three.number).toBe('3bis');
    expect(three.notes).toEqual([{ text: 'Chair to consult', kind: 'comment', author: 'Secretariat', date: '2026-11-30' }]);
    expect(three.alternatives).toEqual([
      { label: 'Alt 1', text: 'We welcome the work done so far.', supportedBy: ['US'], scope: { insertAt: 'end' } },
      { label: 'Alt 2', text: 'We note [with great appreciation] the work done.', opposedBy: ['EU'] },
    ]);
    expect(three.bracketPositions).toBeUndefined();
    expect(result.paragraphs.find((p) => p.address === '2')?.bracketPositions).toEqual([{ in: 'item b)', bracket: '[small island]', opposedBy: ['US'] }]);
    expect(result.report.dropped).toEqual([{ address: '3', what: 'positions on bracket [with appreciation] in Alt 2 (not there as written in the new text)' }]);
    expect(result.report.added).toEqual(['3-rev2']);
  });

  it('says what leaves with an alternative the later text no longer has', () => {
    const proposed = (p: Paragraph): Paragraph => ({ ...p, alternatives: [...p.alternatives, { label: 'Alt 3', text: 'We salute the work.', proposedBy: ['EU'] }] });
    const result = importIntoDraft(held(read(REV1), { '3': proposed }), read(REV1), { revision: 'Rev.2' });
    expect(result.report.dropped).toEqual([{ address: '3', what: 'positions on "Alt 3" (not in the new text)' }]);
    expect(result.paragraphs.find((p) => p.address === '3')?.alternatives.map((a) => a.label)).toEqual(['Alt 1', 'Alt 2']);
  });

  it('keeps the draft\'s title, symbol and date, takes the later text\'s outline, stores the conventions given', () => {
    const before = held(read(REV1));
    const meta = { ...before.meta, title: 'Outcome', symbol: 'A/CONF.1/L.1', date: '2026-11-01' };
    const rev2 = read(REV1.replace('1. Introduction', '1. Opening'));
    const result = importIntoDraft({ ...before, meta }, rev2, { revision: 'Rev.2', conventions: { agreedMarkers: ['(Acordado)'] } });
    expect(result.meta).toMatchObject({ title: 'Outcome', symbol: 'A/CONF.1/L.1', date: '2026-11-01', conventions: { agreedMarkers: ['(Acordado)'] } });
    expect(result.meta.sections[0]?.title).toBe('Opening');
    expect(importIntoDraft({ ...before, meta }, rev2, { revision: 'Rev.2', title: 'New' }).meta.title).toBe('New');
  });
});
