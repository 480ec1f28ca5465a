import { describe, expect, it } from 'vitest';
import { draftSchema, type DraftMeta } from '../../src/model/schemas.js';
import { mergeOutline } from '../../src/reconcile/merge-outline.js';

const base: DraftMeta = draftSchema.parse({
  title: 'Outcome',
  sections: [
    { number: '1', title: 'Introduction', paragraphs: ['1', '2', '3'] },
    { number: '2', title: 'Finance', paragraphs: ['4', '5'], subsections: [{ number: '2a', paragraphs: ['6'] }] },
  ],
});

function change(edit: (m: DraftMeta) => void): DraftMeta {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

const lists = (meta: DraftMeta) => meta.sections.map((s) => [s.number, s.title, s.paragraphs, s.subsections?.map((x) => x.paragraphs)]);

describe('mergeOutline', () => {
  it('applies both sides\' additions, removals and moves where they do not overlap', () => {
    const ours = change((m) => {
      m.sections[0]!.paragraphs.splice(1, 0, '1bis'); // added after 1
      m.sections[1]!.paragraphs = ['5']; // 4 removed
    });
    const theirs = change((m) => {
      m.sections[0]!.paragraphs = ['1', '2']; // 3 moved…
      m.sections[1]!.subsections![0]!.paragraphs = ['6', '3']; // …to 2a
      m.sections[1]!.title = 'Means of implementation';
      m.notes = [{ text: 'Chair: Brazil' }];
    });
    const outcome = mergeOutline(base, ours, theirs);
    if ('conflict' in outcome) throw new Error(outcome.conflict);
    expect(lists(outcome.merged)).toEqual([
      ['1', 'Introduction', ['1', '1bis', '2'], undefined],
      ['2', 'Means of implementation', ['5'], [['6', '3']]],
    ]);
    expect(outcome.merged.notes).toEqual([{ text: 'Chair: Brazil' }]);
    expect(draftSchema.safeParse(outcome.merged).success).toBe(true);
  });

  it('takes the reordering one side made; what the other added goes after the paragraph it follows there', () => {
    const ours = change((m) => (m.sections[0]!.paragraphs = ['3', '1', '2']));
    const theirs = change((m) => m.sections[0]!.paragraphs.push('4bis'));
    const outcome = mergeOutline(base, ours, theirs);
    expect('merged' in outcome && outcome.merged.sections[0]!.paragraphs).toEqual(['3', '4bis', '1', '2']);
  });

  it('says conflict for what it cannot represent: two new titles, two different orders, one paragraph moved to two places', () => {
    expect(mergeOutline(base, change((m) => (m.title = 'A')), change((m) => (m.title = 'B')))).toEqual({ conflict: 'draft.yaml: both copies changed its title, differently (ours "A", theirs "B")' });
    expect(mergeOutline(base, change((m) => (m.sections[0]!.paragraphs = ['3', '1', '2'])), change((m) => (m.sections[0]!.paragraphs = ['2', '3', '1'])))).toEqual({
      conflict: 'draft.yaml: both copies reordered its paragraphs of section 1, differently',
    });
    const moved = (to: number) =>
      change((m) => {
        m.sections[0]!.paragraphs = ['1', '2'];
        m.sections[to]!.paragraphs.push('3');
      });
    expect(mergeOutline(base, moved(1), change((m) => {
      m.sections[0]!.paragraphs = ['1', '2'];
      m.sections[1]!.subsections![0]!.paragraphs.push('3');
    }))).toEqual({ conflict: 'draft.yaml: paragraph 3 would be listed twice: the copies moved it to different places' });
  });
});
