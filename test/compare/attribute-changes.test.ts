import { describe, expect, it } from 'vitest';
import { attributeChanges, WHOLE, type AttributedSegment, type Attribution } from '../../src/compare/attribute-changes.js';

const eu: Attribution = { author: 'Ana for EU', date: '2026-11-30T09:00:00Z', entry: 'e1' };
const g77: Attribution = { author: 'Bo for G77', date: '2026-11-30T10:00:00Z', entry: 'e2' };
const unknown: Attribution = { author: 'unattributed', date: '2026-11-30T12:00:00Z' };

/** Segments as a reader sees them: `a <del EU>b</del><ins G77>c</ins>`, the author's delegation after the tag. */
function show(segments: readonly AttributedSegment[]): string {
  return segments
    .map((s) => {
      if (s.kind === 'same') return s.text;
      const tag = s.kind === 'inserted' ? 'ins' : 'del';
      return `<${tag} ${s.by?.author.split(' ').pop()}>${s.text}</${tag}>`;
    })
    .join('');
}
const accepted = (segments: readonly AttributedSegment[]) => segments.filter((s) => s.kind !== 'deleted').map((s) => s.text).join('');
const rejected = (segments: readonly AttributedSegment[]) => segments.filter((s) => s.kind !== 'inserted').map((s) => s.text).join('');

describe('attributeChanges', () => {
  it('gives each word to the change that made it when two delegations changed one text', () => {
    const base = 'we agree that [some] adjustments need to be made to [existing] arrangements';
    const steps = [
      { text: 'we agree that some adjustments need to be made to [existing] arrangements', by: eu },
      { text: 'we agree that some adjustments need to be made to arrangements', by: g77 },
    ];
    const segments = attributeChanges(base, steps, unknown);
    expect(show(segments)).toBe('we agree that <del EU>[some]</del><ins EU>some</ins> adjustments need to be made to<del G77> [existing]</del> arrangements');
    expect(accepted(segments)).toBe(steps[1]?.text);
    expect(rejected(segments)).toBe(base);
  });

  it('gives a word changed twice to the last change, and the word it replaced to the first', () => {
    const segments = attributeChanges('the necessity of', [
      { text: 'the importance of', by: eu },
      { text: 'the great importance of', by: g77 },
    ], unknown);
    expect(show(segments)).toBe('the <del EU>necessity</del><ins G77>great</ins><ins EU> importance</ins> of');
  });

  it('gives what no step accounts for (a hand edit) to the unattributed author, and nothing to a step that did not make it', () => {
    const segments = attributeChanges('should involve all stakeholders', [
      { text: 'should involve all relevant stakeholders', by: eu },
      { text: 'must involve all relevant stakeholders', by: unknown },
    ], unknown);
    expect(show(segments)).toBe('<del unattributed>should</del><ins unattributed>must</ins> involve all<ins EU> relevant</ins> stakeholders');
  });

  it('does not show a word one step put in and a later one took out', () => {
    const segments = attributeChanges('a b', [
      { text: 'a x b', by: eu },
      { text: 'a b c', by: g77 },
    ], unknown);
    expect(show(segments)).toBe('a b<ins G77> c</ins>');
  });

  it('shows an unchanged text as it is, and nothing for an empty one', () => {
    expect(attributeChanges('same words', [{ text: 'same words', by: eu }], unknown)).toEqual([{ kind: 'same', text: 'same words' }]);
    expect(attributeChanges('', [], unknown)).toEqual([]);
  });

  it('treats a text marked WHOLE as one unit: a marker replaced is deleted and inserted whole', () => {
    expect(show(attributeChanges('', [{ text: ' (Agreed)', by: g77 }], unknown, WHOLE))).toBe('<ins G77> (Agreed)</ins>');
    expect(show(attributeChanges('61.', [{ text: '62.', by: unknown }], unknown, WHOLE))).toBe('<del unattributed>61.</del><ins unattributed>62.</ins>');
  });
});
