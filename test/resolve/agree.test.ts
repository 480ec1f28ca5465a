import { describe, expect, it } from 'vitest';
import { agree, reopen, unresolvedPlaces } from '../../src/resolve/agree.js';
import { acceptAlternative } from '../../src/resolve/accept-alternative.js';
import { resolveBracket } from '../../src/resolve/resolve-bracket.js';
import { settleParagraph } from '../../src/resolve/settle-paragraph.js';
import { failure } from '../helpers/sandbox.js';
import { bundled, leavesInputAlone, paragraph } from './paragraphs.js';

/** The messages of the diagnostics an agree refusal carries, after checking they are all UNRESOLVED errors. */
function refusal(fn: () => unknown): { message: string; places: string[] } {
  const error = failure(fn);
  expect(error.kind).toBe('input');
  for (const d of error.diagnostics) {
    expect(d.code).toBe('UNRESOLVED');
    expect(d.severity).toBe('error');
  }
  return { message: error.message, places: error.diagnostics.map((d) => d.message) };
}

describe('agree refuses while anything is unresolved, one diagnostic per place', () => {
  it('lists the whole-paragraph bracket, the numbered bracket and each alternative of 61', () => {
    const { message, places } = refusal(() => agree(bundled('61'), {}));
    expect(message).toBe('paragraph 61 cannot be agreed: 5 places are unresolved');
    expect(places).toEqual([
      'the whole paragraph is in brackets (settle it with --keep-paragraph or --drop-paragraph)',
      'bracket 1 in Alt 2: [the importance of efficient mechanisms and effective instruments at …',
      'alternative "Alt 1"',
      'alternative "Alt 2"',
      'alternative "Alt 3"',
    ]);
  });

  it('lists the one bracket of 76 and of 56, in full when short', () => {
    expect(refusal(() => agree(bundled('76'), {}))).toEqual({
      message: 'paragraph 76 cannot be agreed: 1 place is unresolved',
      places: ['bracket 1 in text: [some]'],
    });
    expect(refusal(() => agree(bundled('56'), {})).places).toEqual(['bracket 1 in text: [management/development]']);
  });

  it('lists the alternatives of item f) of 71', () => {
    expect(refusal(() => agree(bundled('71'), {}))).toEqual({
      message: 'paragraph 71 cannot be agreed: 2 places are unresolved',
      places: ['alternative "Alt 71g1" of item f)', 'alternative "Alt 71g2" of item f)'],
    });
  });

  it('lists each numbered bracket, nested ones included, and text that does not parse', () => {
    const p = paragraph({
      text: 'We [further [and strongly]] agree',
      items: [{ label: 'a)', text: 'On [all] matters' }, { label: 'b)', text: 'An [unclosed bracket' }],
    });
    expect(refusal(() => agree(p, {})).places).toEqual([
      'item b): opening bracket "[" is never closed',
      'bracket 1 in text: [further [and strongly]]',
      'bracket 2 in text: [and strongly]',
      'bracket 3 in item a): [all]',
    ]);
  });

  it('still refuses 61 until the last place is settled', () => {
    let p = bundled('61');
    p = acceptAlternative(p, 'Alt 2').paragraph;
    expect(refusal(() => agree(p, {})).places).toEqual([
      'the whole paragraph is in brackets (settle it with --keep-paragraph or --drop-paragraph)',
      'bracket 1 in text: [the importance of efficient mechanisms and effective instruments at …',
    ]);
    p = resolveBracket(p, 1, { kind: 'keep' }).paragraph;
    expect(refusal(() => agree(p, {})).places).toEqual(['the whole paragraph is in brackets (settle it with --keep-paragraph or --drop-paragraph)']);
    p = settleParagraph(p, 'keep').paragraph;
    const { paragraph: agreed, summary } = agree(p, {});
    expect(agreed).toEqual({ ...p, status: 'agreed' });
    expect(summary).toBe('paragraph 61 is now agreed');
  });
});

describe('agree', () => {
  it('marks a paragraph with nothing open agreed, or agreed ad ref', () => {
    const clean = paragraph();
    const agreed = leavesInputAlone(clean, (p) => agree(p, {}));
    expect(agreed).toEqual({ paragraph: { ...clean, status: 'agreed' }, summary: 'paragraph 9 is now agreed' });
    const adRef = agree(clean, { adRef: true });
    expect(adRef).toEqual({ paragraph: { ...clean, status: 'agreed-ad-ref' }, summary: 'paragraph 9 is now agreed ad ref' });
  });

  it('moves agreed ad ref to agreed once capitals confirm, and back', () => {
    expect(agree(paragraph({ status: 'agreed-ad-ref' }), {}).paragraph.status).toBe('agreed');
    expect(agree(paragraph({ status: 'agreed' }), { adRef: true }).paragraph.status).toBe('agreed-ad-ref');
  });

  it('refuses what is already agreed', () => {
    const error = failure(() => agree(bundled('60'), {}));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('paragraph 60 is already agreed');
    expect(failure(() => agree(paragraph({ status: 'agreed-ad-ref' }), { adRef: true })).message).toBe('paragraph 9 is already agreed ad ref');
  });

  it('refuses a deleted paragraph', () => {
    expect(failure(() => agree(paragraph({ status: 'deleted' }), {})).message).toBe('paragraph 9 is deleted; reopen it before agreeing it');
  });
});

describe('agree --item', () => {
  it('only looks at that item: item a) of 71 is agreed although item f) still has alternatives', () => {
    const p71 = bundled('71');
    const { paragraph: after, summary } = leavesInputAlone(p71, (p) => agree(p, { item: 'a' }));
    expect(after.items[0]).toEqual({ ...p71.items[0], status: 'agreed' });
    expect({ ...after, items: p71.items }).toEqual(p71);
    expect(after.items.slice(1)).toEqual(p71.items.slice(1));
    expect(summary).toBe('item a) of paragraph 71 is now agreed');
  });

  it('lists only the places of that item', () => {
    expect(refusal(() => agree(bundled('71'), { item: 'f)' }))).toEqual({
      message: 'item f) of paragraph 71 cannot be agreed: 2 places are unresolved',
      places: ['alternative "Alt 71g1" of item f)', 'alternative "Alt 71g2" of item f)'],
    });
    const p = paragraph({
      text: 'We [shall] act',
      bracketed: true,
      items: [{ label: 'a)', text: 'On [all] matters' }, { label: 'b)', text: 'Clean' }],
      alternatives: [{ label: 'Alt 1', text: 'We [may] act' }],
    });
    expect(refusal(() => agree(p, { item: 'a' })).places).toEqual(['bracket 2 in item a): [all]']);
    expect(agree(p, { item: 'b' }).paragraph.items[1]?.status).toBe('agreed');
  });

  it('agrees item f) of 71 once "Alt 71g2" is accepted, ad ref if asked', () => {
    const accepted = acceptAlternative(bundled('71'), 'Alt 71g2').paragraph;
    const { paragraph: after, summary } = agree(accepted, { item: '(f)', adRef: true });
    expect(after.items[5]?.status).toBe('agreed-ad-ref');
    expect(after.status).toBe('open');
    expect(summary).toBe('item f) of paragraph 71 is now agreed ad ref');
  });

  it('refuses an item that is already agreed', () => {
    expect(failure(() => agree(bundled('71'), { item: 'e' })).message).toBe('item e) of paragraph 71 is already agreed');
  });

  it('names items as f, f), (f) or F; an unknown item lists the items', () => {
    for (const label of ['f', 'f)', '(f)', 'F', ' f ']) {
      expect(refusal(() => agree(bundled('71'), { item: label })).message).toMatch(/^item f\) of paragraph 71 cannot be agreed/);
    }
    expect(failure(() => agree(bundled('71'), { item: 'g' })).message).toBe('paragraph 71 has no item "g"; its items are a), b), c), d), e), f)');
    expect(failure(() => agree(bundled('56'), { item: 'a' })).message).toBe('paragraph 56 has no items');
  });

  it('names bullets by position', () => {
    const p76 = bundled('76');
    expect(agree(p76, { item: '#2' }).paragraph.items[1]?.status).toBe('agreed');
    expect(failure(() => agree(p76, { item: '#6' })).message).toBe('paragraph 76 has 5 items, so no item #6; its items are #1, #2, #3, #4, #5');
  });
});

describe('reopen', () => {
  it('opens agreed 60 again', () => {
    const p60 = bundled('60');
    const { paragraph: after, summary } = leavesInputAlone(p60, (p) => reopen(p, {}));
    expect(after).toEqual({ ...p60, status: 'open' });
    expect(summary).toBe('paragraph 60 is open again (it was agreed)');
  });

  it('opens a deleted or agreed-ad-ref paragraph again', () => {
    expect(reopen(paragraph({ status: 'deleted' }), {}).summary).toBe('paragraph 9 is open again (it was deleted)');
    expect(reopen(paragraph({ status: 'agreed-ad-ref' }), {}).paragraph.status).toBe('open');
  });

  it('refuses a paragraph that is open', () => {
    const error = failure(() => reopen(bundled('56'), {}));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('paragraph 56 is already open');
  });

  it('opens agreed item e) of 71 again: the item loses its status', () => {
    const { paragraph: after, summary } = reopen(bundled('71'), { item: 'e' });
    expect(after.items[4]).not.toHaveProperty('status');
    expect(after.items[4]?.text).toBe(bundled('71').items[4]?.text);
    expect(summary).toBe('item e) of paragraph 71 is open again');
  });

  it('refuses an item that is not agreed', () => {
    expect(failure(() => reopen(bundled('71'), { item: 'f' })).message).toBe('item f) of paragraph 71 is not agreed; there is nothing to reopen');
  });
});

describe('unresolvedPlaces', () => {
  it('is empty for agreed paragraphs of the bundled draft and for item e) of 71', () => {
    expect(unresolvedPlaces(bundled('60'))).toEqual([]);
    expect(unresolvedPlaces(bundled('71'), 4)).toEqual([]);
  });

  it('gives each place a kind', () => {
    expect(unresolvedPlaces(bundled('61')).map((u) => u.kind)).toEqual(['paragraph-bracket', 'bracket', 'alternative', 'alternative', 'alternative']);
    expect(unresolvedPlaces(paragraph({ text: 'a ]b' }))).toEqual([{ kind: 'notation', description: 'text: closing bracket "]" has no opening bracket' }]);
  });
});
