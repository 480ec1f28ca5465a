import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entryAttribution, trackedChanges } from '../../src/compare/tracked-changes.js';
import type { DraftMeta, HistoryEntry, Paragraph } from '../../src/model/schemas.js';
import type { DraftSide } from '../../src/revisions/draft-side.js';

const p = (address: string, text: string, items: string[] = []): Paragraph => ({ address, number: address, status: 'open', bracketed: false, text, items: items.map((t) => ({ label: '·', text: t })), alternatives: [] });
const figures = { paragraphs: { total: 0, agreed: 0, agreedAdRef: 0, open: 0, deleted: 0 }, itemsAgreed: 0, brackets: 0, bracketedParagraphs: 0, alternatives: 0 };

/** A side of a compare held in memory: each paragraph's "hash" is its JSON. */
function side(name: string, paragraphs: Paragraph[]): DraftSide {
  const meta: DraftMeta = { title: 'T', sections: [{ number: '1', paragraphs: paragraphs.map((x) => x.address) }] };
  const byAddress = new Map(paragraphs.map((x) => [x.address, x]));
  return { name, meta, figures, hashes: new Map(paragraphs.map((x) => [x.address, JSON.stringify(x)])), paragraph: (address) => byAddress.get(address) as Paragraph };
}

let clock = 0;
function entry(author: string, onBehalfOf: string | undefined, before: Paragraph | null, after: Paragraph | null): HistoryEntry {
  clock++;
  return {
    id: `2026113${clock}T100000000Z-000${clock}`,
    time: `2026-11-0${clock}T10:00:00.000Z`,
    author,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    command: 'accept',
    changes: [{ paragraph: (before ?? after)?.address as string, before, after }],
  };
}
const unattributed = { author: 'unattributed', date: '2026-11-30T12:00:00Z' };

describe('trackedChanges', () => {
  it('chains each changed paragraph from the revision to now through its entries, filling hand edits with unattributed steps', () => {
    const rev1 = [p('1', 'one [two]'), p('2', 'keep'), p('3', 'hand edited'), p('4', 'a', ['x [y]', 'z'])];
    const eu = entry('Ana', 'EU', p('1', 'one [two]'), p('1', 'one two'));
    // The file of 1 was edited by hand after EU's change and before G77's.
    const g77 = entry('Bo', 'G77', p('1', 'one two, by hand'), p('1', 'one two, by hand, and three'));
    const bullet = entry('Cy', undefined, p('4', 'a', ['x [y]', 'z']), p('4', 'a', ['x', 'z']));
    const now = [p('1', 'one two, by hand, and three'), p('2', 'keep'), p('3', 'edited by hand'), p('4', 'a', ['x', 'z'])];
    const tracked = trackedChanges(side('Rev.1', rev1), side('working', now), [eu, g77, bullet], unattributed);
    expect([...tracked.changed.keys()]).toEqual(['1', '3', '4']);
    expect(tracked.changed.get('1')?.steps.map((s) => [s.by.author, s.paragraph?.text])).toEqual([
      ['Ana for EU', 'one two'],
      ['unattributed', 'one two, by hand'],
      ['Bo for G77', 'one two, by hand, and three'],
    ]);
    expect(tracked.changed.get('3')?.steps).toEqual([{ paragraph: now[2], by: unattributed }]);
    expect(tracked.changed.get('4')?.steps.map((s) => s.by.author)).toEqual(['Cy']);
    expect(tracked.removed.size).toBe(0);
  });

  it('places a paragraph removed since the revision after the paragraph it followed, and a new one has no base', () => {
    const rev1 = [p('1', 'one'), p('2', 'two'), p('3', 'three')];
    const removal = entry('Ana', undefined, p('2', 'two'), null);
    const tracked = trackedChanges(side('Rev.1', rev1), side('working', [p('1', 'one'), p('3', 'three'), p('4', 'four')]), [removal], unattributed);
    const gone = tracked.removed.get('1');
    expect(gone?.map((t) => [t.base?.text, t.current, t.steps.map((s) => s.by.author)])).toEqual([['two', undefined, ['Ana']]]);
    expect(tracked.changed.get('4')?.base).toBeUndefined();
    expect(tracked.changed.get('4')?.steps.map((s) => s.by.author)).toEqual(['unattributed']);
  });

  it('tells a paragraph unchanged when its files differ but its content does not: fields in another order, a field left out or written as nothing', () => {
    const rev1 = [p('1', 'one'), p('2', 'two'), { ...p('3', 'three'), note: undefined } as unknown as Paragraph];
    // 1: the same fields in another order; 2: its text changed; 3: the field written as nothing left out.
    const { alternatives, items, text, bracketed, status, number, address } = p('1', 'one');
    const now = [{ alternatives, items, text, bracketed, status, number, address }, p('2', 'two, changed'), p('3', 'three')];
    const working = side('working', now);
    const tracked = trackedChanges(side('Rev.1', rev1), { ...working, hashes: new Map(now.map((x) => [x.address, `other ${x.address}`])) }, [], unattributed);
    expect([...tracked.changed.keys()]).toEqual(['2']);
    // An entry whose "before" is the revision's paragraph with its fields in another order chains on from it, no unattributed step between.
    const reordered = entry('Ana', undefined, { ...now[0] } as Paragraph, p('1', 'one more'));
    const chained = trackedChanges(side('Rev.1', rev1), side('working', [p('1', 'one more'), p('2', 'two'), p('3', 'three')]), [reordered], unattributed);
    expect(chained.changed.get('1')?.steps.map((step) => step.by.author)).toEqual(['Ana']);
  });

  it("names base and current by their files' SHA-1 where a side has one, and by nothing where a side names them otherwise", () => {
    const sha1 = (x: Paragraph) => createHash('sha1').update(JSON.stringify(x)).digest('hex');
    const withSha1 = (s: DraftSide, paragraphs: Paragraph[], except = ''): DraftSide => ({ ...s, hashes: new Map(paragraphs.map((x) => [x.address, x.address === except ? `history:${x.address}` : sha1(x)])) });
    const rev1 = [p('1', 'one'), p('2', 'two')];
    const now = [p('1', 'one, changed'), p('2', 'two, changed')];
    const tracked = trackedChanges(withSha1(side('Rev.1', rev1), rev1, '2'), withSha1(side('working', now), now), [], unattributed);
    expect(tracked.changed.get('1')).toMatchObject({ baseHash: sha1(rev1[0] as Paragraph), currentHash: sha1(now[0] as Paragraph) });
    expect(tracked.changed.get('2')?.baseHash).toBeUndefined();
    expect(tracked.changed.get('2')?.currentHash).toBe(sha1(now[1] as Paragraph));
  });

  it('names an entry by its author, and the delegation it was entered for', () => {
    expect(entryAttribution(entry('Ana', 'EU', null, p('9', 'x'))).author).toBe('Ana for EU');
    expect(entryAttribution(entry('Ana', undefined, null, p('9', 'x')))).toMatchObject({ author: 'Ana', entry: expect.stringMatching(/^2026/) });
  });
});
