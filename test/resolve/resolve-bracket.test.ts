import { describe, expect, it } from 'vitest';
import { resolveBracket } from '../../src/resolve/resolve-bracket.js';
import { failure } from '../helpers/sandbox.js';
import { bundled, leavesInputAlone, paragraph } from './paragraphs.js';

const P56 = (word: string) => `We recognize and acknowledge the vital role played by many existing organizations in the technical ${word} of the Internet.`;
const P76 = (words: string) =>
  `In reviewing the adequacy of existing institutional arrangements for Internet Governance and for policy debate, we agree that ${words}adjustments need to be made to bring these into line with the “Geneva principles”. Accordingly, we propose:`;
const ALT_2_BRACKET = '[the importance of efficient mechanisms and effective instruments at national and international levels, and]';

describe('resolveBracket: choose an option of [a/b]', () => {
  it('chooses option 2 of [management/development] in 56', () => {
    const p56 = bundled('56');
    const { paragraph: after, summary } = leavesInputAlone(p56, (p) => resolveBracket(p, 1, { kind: 'option', option: 2 }));
    expect(after).toEqual({ ...p56, text: P56('development') });
    expect(summary).toBe('chose option 2 "development" of bracket 1 in text of paragraph 56');
  });

  it('chooses option 1', () => {
    const { paragraph: after, summary } = resolveBracket(bundled('56'), 1, { kind: 'option', option: 1 });
    expect(after.text).toBe(P56('management'));
    expect(summary).toBe('chose option 1 "management" of bracket 1 in text of paragraph 56');
  });

  it('refuses --keep on a bracket with two options, as a usage error', () => {
    const error = failure(() => resolveBracket(bundled('56'), 1, { kind: 'keep' }));
    expect(error.kind).toBe('usage');
    expect(error.message).toBe('bracket 1 [management/development] offers 2 options; choose one with --option 1 to 2');
  });

  it('refuses an option out of range, as a usage error', () => {
    for (const option of [3, 0]) {
      const error = failure(() => resolveBracket(bundled('56'), 1, { kind: 'option', option }));
      expect(error.kind).toBe('usage');
      expect(error.message).toBe(`bracket 1 [management/development] has options 1 to 2; there is no option ${option}`);
    }
  });

  it('refuses --option on a keep-or-drop bracket and says what to use', () => {
    const error = failure(() => resolveBracket(bundled('76'), 1, { kind: 'option', option: 2 }));
    expect(error.kind).toBe('usage');
    expect(error.message).toBe('bracket 1 [some] has one option (use --keep or --drop); there is no option 2');
  });

  it('drops a bracket with two options altogether', () => {
    expect(resolveBracket(bundled('56'), 1, { kind: 'drop' }).paragraph.text).toBe(
      'We recognize and acknowledge the vital role played by many existing organizations in the technical of the Internet.',
    );
  });
});

describe('resolveBracket: keep or drop', () => {
  it('drops [some] in 76 and keeps one space', () => {
    const p76 = bundled('76');
    const { paragraph: after, summary } = leavesInputAlone(p76, (p) => resolveBracket(p, 1, { kind: 'drop' }));
    expect(after).toEqual({ ...p76, text: P76('') });
    expect(after.text).toContain('we agree that adjustments need');
    expect(summary).toBe('dropped bracket 1 [some] in text of paragraph 76');
  });

  it('keeps the words of [some] in 76', () => {
    const { paragraph: after, summary } = resolveBracket(bundled('76'), 1, { kind: 'keep' });
    expect(after.text).toBe(P76('some '));
    expect(summary).toBe('kept the words of bracket 1 [some] in text of paragraph 76');
  });

  it('drops the bracket at the end of 70, leaving the comma before it', () => {
    const { paragraph: after } = resolveBracket(bundled('70'), 1, { kind: 'drop' });
    expect(after.text.endsWith('We encourage the realization of multilingualism in the Internet development environment,.')).toBe(true);
    expect(after.text).not.toContain('[');
  });

  it('resolves the bracket inside "Alt 2" of 61, leaving the text and the other alternatives alone', () => {
    const p61 = bundled('61');
    const dropped = resolveBracket(p61, 1, { kind: 'drop' });
    expect(dropped.paragraph).toEqual({
      ...p61,
      alternatives: [p61.alternatives[0], { label: 'Alt 2', text: 'We further underline the necessity to promote international cooperation to this end.' }, p61.alternatives[2]],
    });
    expect(dropped.summary).toBe(`dropped bracket 1 ${ALT_2_BRACKET} in Alt 2 of paragraph 61`);
    const kept = resolveBracket(p61, 1, { kind: 'keep' });
    expect(kept.paragraph.alternatives[1]?.text).toBe(
      'We further underline the importance of efficient mechanisms and effective instruments at national and international levels, and the necessity to promote international cooperation to this end.',
    );
    expect(kept.paragraph.bracketed).toBe(true);
  });
});

describe('resolveBracket: numbering', () => {
  const spread = paragraph({
    text: 'We [shall] act',
    items: [{ label: 'a)', text: 'On [all] matters', alternatives: [{ label: 'Alt a1', text: 'On [most] matters' }] }],
    alternatives: [{ label: 'Alt 1', text: 'We [may] act' }],
  });

  it('numbers brackets across the text, items, item alternatives and alternatives, as show does', () => {
    expect(resolveBracket(spread, 1, { kind: 'drop' }).paragraph.text).toBe('We act');
    const second = resolveBracket(spread, 2, { kind: 'keep' });
    expect(second.paragraph.items[0]?.text).toBe('On all matters');
    expect(second.summary).toBe('kept the words of bracket 2 [all] in item a) of paragraph 9');
    const third = resolveBracket(spread, 3, { kind: 'drop' });
    expect(third.paragraph.items[0]?.alternatives?.[0]?.text).toBe('On matters');
    expect(third.summary).toBe('dropped bracket 3 [most] in item a) Alt a1 of paragraph 9');
    const fourth = resolveBracket(spread, 4, { kind: 'drop' });
    expect(fourth.paragraph.alternatives[0]?.text).toBe('We act');
    expect(fourth.summary).toBe('dropped bracket 4 [may] in Alt 1 of paragraph 9');
    expect({ ...fourth.paragraph, alternatives: spread.alternatives }).toEqual(spread);
  });

  it('numbers the outer bracket before the inner one; resolving the inner keeps the outer', () => {
    const nested = paragraph({ text: 'We [further [and strongly] underline] it.' });
    expect(resolveBracket(nested, 2, { kind: 'drop' }).paragraph.text).toBe('We [further underline] it.');
    expect(resolveBracket(nested, 1, { kind: 'keep' }).paragraph.text).toBe('We further [and strongly] underline it.');
    expect(resolveBracket(nested, 1, { kind: 'drop' }).paragraph.text).toBe('We it.');
  });

  it('refuses a bracket number out of range and gives the range', () => {
    const error = failure(() => resolveBracket(bundled('76'), 2, { kind: 'drop' }));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('paragraph 76 has no bracket 2; its brackets are numbered 1 to 1 (see "ndraft show 76")');
    expect(failure(() => resolveBracket(spread, 5, { kind: 'drop' })).message).toBe(
      'paragraph 9 has no bracket 5; its brackets are numbered 1 to 4 (see "ndraft show 9")',
    );
    expect(failure(() => resolveBracket(spread, 0, { kind: 'drop' })).message).toMatch(/^paragraph 9 has no bracket 0;/);
  });

  it('says so when the paragraph has no brackets', () => {
    const error = failure(() => resolveBracket(bundled('60'), 1, { kind: 'drop' }));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('paragraph 60 has no open brackets');
  });

  it('does not count the whole-paragraph bracket of 61 as a numbered bracket', () => {
    expect(failure(() => resolveBracket(bundled('61'), 2, { kind: 'drop' })).message).toBe(
      'paragraph 61 has no bracket 2; its brackets are numbered 1 to 1 (see "ndraft show 61")',
    );
  });
});
