import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Paragraph } from '../../src/model/schemas.js';
import { paragraphSchema } from '../../src/model/schemas.js';
import { attributeFrom, type SideHistory } from '../../src/reconcile/contributors.js';
import { mergeParagraph } from '../../src/reconcile/merge-paragraph.js';
import { mergeWords } from '../../src/reconcile/merge-words.js';
import { paragraphProblems } from '../../src/validate/check-paragraph.js';

const base: Paragraph = paragraphSchema.parse({
  address: '56',
  number: '56',
  status: 'open',
  bracketed: false,
  text: 'We call for the [management/development] of the Internet [in particular] by all.',
  alternatives: [{ label: 'Alt 1', text: 'We call for cooperation.', proposedBy: ['EU'] }],
  items: [
    { label: 'a)', text: 'first [item]' },
    { label: 'b)', text: 'second item' },
  ],
});

const noHistory = (fallback: string): SideHistory => ({ entries: [], fallback });
const attribute = attributeFrom({ ours: noHistory('Ana'), theirs: noHistory('Bruno') });

function change(p: Paragraph, edit: (p: Paragraph) => void): Paragraph {
  const copy = structuredClone(p);
  edit(copy);
  return copy;
}

/** Merges and insists that the result is one `validate` accepts. */
function merged(b: Paragraph | undefined, o: Paragraph, t: Paragraph, attr = attribute): { paragraph: Paragraph; warnings: string[] } {
  const outcome = mergeParagraph(b, o, t, attr);
  if ('conflict' in outcome) throw new Error(`unexpected conflict: ${outcome.conflict}`);
  expect(paragraphSchema.safeParse(outcome.merged).success).toBe(true);
  expect(paragraphProblems(outcome.merged).filter((p) => p.severity === 'error')).toEqual([]);
  return { paragraph: outcome.merged, warnings: outcome.warnings };
}

function entry(id: string, author: string, before: Paragraph, after: Paragraph, onBehalfOf?: string): HistoryEntry {
  return { id, time: '2026-11-30T10:00:00.000Z', author, ...(onBehalfOf ? { onBehalfOf } : {}), command: 'test', changes: [{ paragraph: before.address, before, after }] };
}

describe('mergeParagraph', () => {
  it('takes a change made on one side only', () => {
    const ours = change(base, (p) => (p.text = 'We call for the management of the Internet [in particular] by all.'));
    expect(merged(base, ours, base)).toEqual({ paragraph: ours, warnings: [] });
    expect(merged(base, base, ours)).toEqual({ paragraph: ours, warnings: [] });
  });

  it('merges changes to different parts of one paragraph: a position on one side, a note and a new text on the other', () => {
    const ours = change(base, (p) => (p.alternatives[0]!.supportedBy = ['G77']));
    const theirs = change(base, (p) => {
      p.notes = [{ text: 'Facilitator: Kenya', kind: 'comment' }];
      p.text = 'We call for the management of the Internet [in particular] by all.';
    });
    const { paragraph, warnings } = merged(base, ours, theirs);
    expect(paragraph.alternatives[0]?.supportedBy).toEqual(['G77']);
    expect(paragraph.notes).toEqual([{ text: 'Facilitator: Kenya', kind: 'comment' }]);
    expect(paragraph.text).toBe(theirs.text);
    expect(warnings).toEqual([]);
  });

  it('keeps the shared text when both sides change it differently, each wording an alternative labelled with the delegation the history names, else the git author', () => {
    const ours = change(base, (p) => (p.text = 'We call for the management of the Internet by all.'));
    const theirs = change(base, (p) => (p.text = 'We call for the development of the Internet [in particular] by all.'));
    const attr = attributeFrom({
      ours: { entries: [entry('20261130T100000000Z-aaaa', 'Ana', base, ours, 'European Union')], fallback: 'git-ana' },
      theirs: noHistory('Bruno (git)'),
    });
    const { paragraph, warnings } = merged(base, ours, theirs, attr);
    expect(paragraph.text).toBe(base.text);
    expect(paragraph.alternatives.map((a) => [a.label, a.text, a.proposedBy])).toEqual([
      ['Alt 1', 'We call for cooperation.', ['EU']],
      ['Alt 2', ours.text, ['European Union']],
      ['Alt 3', theirs.text, undefined],
    ]);
    expect(paragraph.alternatives[1]?.notes?.[0]).toMatchObject({ kind: 'comment', author: 'Ana' });
    expect(paragraph.alternatives[1]?.notes?.[0]?.text).toBe("Merged copies: European Union (entered by Ana)'s wording of the text; the other copy had changed it too.");
    expect(paragraph.alternatives[2]?.notes?.[0]).toMatchObject({ author: 'Bruno (git)' });
    expect(warnings).toEqual(['paragraph 56: both copies changed the text: it keeps the wording they shared; ours is "Alt 2", theirs "Alt 3"']);
  });

  it('reopens a paragraph agreed on one side and changed on the other: the agreed text stands, the change beside it, with a warning', () => {
    const agreed = change(base, (p) => {
      p.text = 'We call for the management of the Internet by all.';
      p.alternatives = [];
      p.items = [
        { label: 'a)', text: 'first item' },
        { label: 'b)', text: 'second item' },
      ];
      p.status = 'agreed';
    });
    const changedText = change(base, (p) => (p.text = 'We call for the [management/development] of the Internet by everyone.'));
    for (const [ours, theirs, agreedIn] of [
      [agreed, changedText, 'ours'],
      [changedText, agreed, 'theirs'],
    ] as const) {
      const { paragraph, warnings } = merged(base, ours, theirs);
      expect(paragraph.status).toBe('open');
      expect(paragraph.text).toBe(agreed.text);
      expect(paragraph.alternatives.map((a) => a.text)).toEqual([changedText.text]);
      expect(paragraph.alternatives[0]?.label).toBe('Alt 1');
      expect(warnings[0]).toBe(`paragraph 56: agreed in ${agreedIn} but changed in ${agreedIn === 'ours' ? 'theirs' : 'ours'}: reopened, the agreed wording standing, the changes beside it`);
    }
  });

  it('keeps an agreement when the other side only added a note', () => {
    const agreed = change(base, (p) => {
      p.text = 'We call for the management of the Internet by all.';
      p.alternatives = [];
      p.items = [{ label: 'a)', text: 'first item' }, { label: 'b)', text: 'second item' }];
      p.status = 'agreed';
    });
    const noted = change(base, (p) => (p.notes = [{ text: 'see 57' }]));
    const { paragraph } = merged(base, agreed, noted);
    expect(paragraph.status).toBe('agreed');
    expect(paragraph.notes).toEqual([{ text: 'see 57' }]);
  });

  it('keeps both when both sides add an alternative under the same label, the second relabelled', () => {
    const ours = change(base, (p) => p.alternatives.push({ label: 'Alt 2', text: 'Ours.', proposedBy: ['EU'] }));
    const theirs = change(base, (p) => p.alternatives.push({ label: 'Alt 2', text: 'Theirs.', proposedBy: ['G77'] }));
    const { paragraph, warnings } = merged(base, ours, theirs);
    expect(paragraph.alternatives.map((a) => [a.label, a.text, a.proposedBy])).toEqual([
      ['Alt 1', 'We call for cooperation.', ['EU']],
      ['Alt 2', 'Ours.', ['EU']],
      ['Alt 3', 'Theirs.', ['G77']],
    ]);
    expect(warnings).toEqual(['paragraph 56: both copies added "Alt 2": theirs is now "Alt 3"']);
  });

  it('keeps an alternative dropped on one side but changed on the other, with a warning', () => {
    const accepted = change(base, (p) => {
      p.text = 'We call for cooperation.';
      p.alternatives = [];
    });
    const supported = change(base, (p) => (p.alternatives[0]!.supportedBy = ['US']));
    const { paragraph, warnings } = merged(base, accepted, supported);
    expect(paragraph.text).toBe('We call for cooperation.');
    expect(paragraph.alternatives).toEqual([{ label: 'Alt 1', text: 'We call for cooperation.', proposedBy: ['EU'], supportedBy: ['US'] }]);
    expect(warnings).toEqual(['paragraph 56: "Alt 1" was removed in ours but changed in theirs: kept, with that change']);
  });

  it('merges positions as sets: each side\'s additions and withdrawals apply', () => {
    const ours = change(base, (p) => {
      p.alternatives[0]!.proposedBy = [];
      p.alternatives[0]!.supportedBy = ['US'];
    });
    const theirs = change(base, (p) => (p.alternatives[0]!.opposedBy = ['G77']));
    const alt = merged(base, ours, theirs).paragraph.alternatives[0];
    expect([alt?.proposedBy, alt?.supportedBy, alt?.opposedBy]).toEqual([[], ['US'], ['G77']]);
  });

  it('merges items one by one: different changes to one item become its alternatives, an item agreed on one side and changed on the other is reopened', () => {
    const ours = change(base, (p) => {
      p.items[0]!.text = 'first one';
      p.items[1]!.status = 'agreed';
    });
    const theirs = change(base, (p) => {
      p.items[0]!.text = 'first [thing]';
      p.items[1]!.text = 'second [item]';
      p.items.push({ label: 'c)', text: 'third' });
    });
    const { paragraph, warnings } = merged(base, ours, theirs);
    expect(paragraph.items.map((i) => [i.label, i.text, i.status, (i.alternatives ?? []).map((a) => `${a.label}: ${a.text}`)])).toEqual([
      ['a)', 'first [item]', undefined, ['Alt 2: first one', 'Alt 3: first [thing]']],
      ['b)', 'second item', undefined, ['Alt 4: second [item]']],
      ['c)', 'third', undefined, []],
    ]);
    expect(warnings).toContain('paragraph 56: item b) was agreed in ours but changed in theirs: reopened');
  });

  it('reopens a paragraph deleted on one side and changed on the other', () => {
    const deleted = change(base, (p) => (p.status = 'deleted'));
    const edited = change(base, (p) => (p.alternatives[0]!.text = 'We call for more cooperation.'));
    const { paragraph, warnings } = merged(base, edited, deleted);
    expect(paragraph.status).toBe('open');
    expect(paragraph.alternatives[0]?.text).toBe('We call for more cooperation.');
    expect(warnings).toEqual(['paragraph 56: deleted in theirs but changed in ours: kept open, with that change']);
  });

  it('says conflict where no paragraph can represent both sides', () => {
    const renumbered = (n: string) => change(base, (p) => (p.number = n));
    expect(mergeParagraph(base, renumbered('56bis'), renumbered('56ter'), attribute)).toEqual({
      conflict: 'paragraph 56bis (56): both copies changed its number, differently (ours "56bis", theirs "56ter")',
    });
    expect(mergeParagraph(undefined, renumbered('57'), renumbered('58'), attribute)).toEqual({ conflict: 'paragraph 57 (56): both copies added it, differently' });
    expect(mergeParagraph(undefined, base, structuredClone(base), attribute)).toEqual({ merged: base, warnings: [] });
  });
});

describe('mergeWords', () => {
  it('makes both sides\' changes to different words of one text, brackets moving as units', () => {
    const text = 'We call for the [management/development] of the Internet [in particular] by all states.';
    expect(mergeWords(text, text.replace('[management/development]', 'management'), text.replace('by all states', 'by [all] states'))).toBe(
      'We call for the management of the Internet [in particular] by [all] states.',
    );
    expect(mergeWords(text, text.replace(' [in particular]', ''), text.replace('We call', 'We strongly call'))).toBe('We strongly call for the [management/development] of the Internet by all states.');
  });

  it('refuses changes that touch or overlap, and texts that do not cut into whole brackets', () => {
    const text = 'We call for the [management/development] of the Internet.';
    expect(mergeWords(text, text.replace('[management/development]', 'management'), text.replace('[management/development]', 'development'))).toBeUndefined();
    expect(mergeWords(text, text.replace('the [', 'a ['), text.replace('[management/development]', 'development'))).toBeUndefined();
    expect(mergeWords('a [b', 'x [b', 'a [b c')).toBeUndefined();
  });

  it('is how mergeParagraph merges one text changed by both sides in different places: no alternative, no warning', () => {
    const ours = change(base, (p) => (p.text = p.text.replace('[management/development]', 'management')));
    const theirs = change(base, (p) => (p.text = p.text.replace('by all', 'by [all]')));
    expect(merged(base, ours, theirs)).toEqual({ paragraph: { ...base, text: 'We call for the management of the Internet [in particular] by [all].' }, warnings: [] });
  });
});

describe('positions on brackets', () => {
  it('follow their bracket into the alternative that holds it when both sides changed the text', () => {
    const plain = change(base, (p) => (p.text = 'We call for a democratic and multilateral basis.'));
    const ours = change(plain, (p) => {
      p.text = 'We call for a [democratic and multilateral] basis.';
      p.bracketPositions = [{ in: 'text', bracket: '[democratic and multilateral]', proposedBy: ['EU'] }];
    });
    const theirs = change(plain, (p) => {
      p.text = 'We call for a democratic and [multilateral basis].';
      p.bracketPositions = [{ in: 'text', bracket: '[multilateral basis]', proposedBy: ['G77'] }];
    });
    const { paragraph, warnings } = merged(plain, ours, theirs);
    expect(paragraph.text).toBe(plain.text);
    expect([...(paragraph.bracketPositions ?? [])].sort((a, b) => a.in.localeCompare(b.in))).toEqual([
      { in: 'Alt 2', bracket: '[democratic and multilateral]', proposedBy: ['EU'] },
      { in: 'Alt 3', bracket: '[multilateral basis]', proposedBy: ['G77'] },
    ]);
    expect(warnings).toHaveLength(1);
  });
});
