import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { draftSchema, paragraphSchema, type DraftMeta, type Paragraph } from '../../src/model/schemas.js';
import { attributeFrom } from '../../src/reconcile/contributors.js';
import { mergeDrafts, type DraftVersion } from '../../src/reconcile/merge-drafts.js';

const hash = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex');
const p = (address: string, text: string): Paragraph => paragraphSchema.parse({ address, number: address, status: 'open', bracketed: false, text });

/** A draft in memory, as `reconcile` reads one: its outline, each paragraph's hash, the paragraphs. */
function version(addresses: string[], paragraphs: Paragraph[]): DraftVersion {
  const meta: DraftMeta = draftSchema.parse({ title: 'T', sections: [{ number: '1', paragraphs: addresses }] });
  const byAddress = new Map(paragraphs.map((x) => [x.address, x]));
  return { meta, draftHash: hash(meta), hashes: new Map(paragraphs.map((x) => [x.address, hash(x)])), paragraph: (a) => byAddress.get(a) as Paragraph };
}

const attribute = attributeFrom({ ours: { entries: [], fallback: 'Ana' }, theirs: { entries: [], fallback: 'Bruno' } });
const base = version(['1', '2', '3'], [p('1', 'One.'), p('2', 'Two.'), p('3', 'Three.')]);

describe('mergeDrafts', () => {
  it('takes each side\'s additions, removals and changes; keeps a paragraph one side removed and the other changed; keeps both paragraphs added under one address', async () => {
    const ours = version(['1', '2', '2bis'], [p('1', 'One, changed.'), p('2', 'Two.'), p('2bis', 'Ours.')]);
    const theirs = version(['1', '2bis', '3'], [p('1', 'One.'), p('2bis', 'Theirs.'), p('3', 'Three, changed.')]);
    const merged = await mergeDrafts(base, ours, theirs, attribute);
    expect(merged.conflicts).toEqual([]);
    expect(merged.changes.map((c) => [c.address, c.before?.text ?? null, c.after?.text ?? null])).toEqual([
      ['2', 'Two.', null],
      ['3', null, 'Three, changed.'],
      ['2bis-2', null, 'Theirs.'],
    ]);
    expect(merged.meta.sections[0]?.paragraphs).toEqual(['1', '2bis', '2bis-2', '3']);
    expect(merged.warnings).toEqual([
      'paragraph 3: removed in ours but changed in theirs: kept, with that change',
      'paragraph 2bis: both copies added it, differently: ours keeps address 2bis, theirs is now 2bis-2, right after it (renumber one of them)',
    ]);
  });

  it('reports what cannot be represented instead of merging it', async () => {
    const renumber = (n: string) => version(['1', '2', '3'], [{ ...p('1', 'One.'), number: n }, p('2', 'Two.'), p('3', 'Three.')]);
    expect((await mergeDrafts(base, renumber('1a'), renumber('1b'), attribute)).conflicts).toEqual(['paragraph 1a (1): both copies changed its number, differently (ours "1a", theirs "1b")']);
  });
});
