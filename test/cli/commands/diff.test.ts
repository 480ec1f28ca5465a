import { afterAll, describe, expect, it } from 'vitest';
import { diffCommand, type DiffOptions } from '../../../src/cli/commands/diff.js';
import type { NdraftError } from '../../../src/diagnostics/diagnostic.js';
import { copyBundledDraft, editFile, failure, removeTempDirs, fakeIo } from '../../helpers/sandbox.js';


const draft = copyBundledDraft();

afterAll(removeTempDirs);

async function diff(number: string, a?: string, b?: string, options: DiffOptions = {}, io = fakeIo()): Promise<string> {
  expect(await diffCommand(number, [a, b].filter((w): w is string => w !== undefined), { draft, ...options }, io)).toBe(0);
  expect(io.err).toBe('');
  return io.out;
}

/** The NdraftError the command rejects with. */
async function refusal(run: Promise<unknown>): Promise<NdraftError> {
  let caught: unknown;
  try {
    await run;
  } catch (error) {
    caught = error;
  }
  return failure(() => {
    if (caught !== undefined) throw caught;
  });
}

const ALT_1 =
  'We further underline the necessity of effective instruments and efficient mechanisms at national and international levels, and the importance to promote international cooperation to this end.';
const ALT_3 =
  'We further underline the necessity of effective and efficient tools and mechanisms, at national and international levels, to promote international cooperation, inter alia, among law enforcement agencies on cybercrime.';

describe('ndraft diff', () => {
  it('compares Alt 2 and Alt 3 of 61 with Alt 1 word by word, then one similarity line each', async () => {
    const out = await diff('61', undefined, undefined, { format: 'plain' });
    const blocks = out.split('\n\n');
    expect(blocks[0]).toBe('Paragraph 61: Alt 1 → Alt 2, 46% similar (28 words differ)\n[-Alt 1-]\n{+Alt 2+}');
    expect(blocks[1]).toBe(
      'We further underline {+[the importance of efficient mechanisms and effective instruments at national and international levels, and]+} the necessity [-of effective instruments and efficient mechanisms at national and international levels, and the importance-] to promote international cooperation to this end.',
    );
    expect(blocks[2]).toBe('Paragraph 61: Alt 1 → Alt 3, 69% similar (17 words differ)\n[-Alt 1-]\n{+Alt 3+}');
    expect(out.endsWith(
      [
        'Paragraph 61: the 2 other alternatives compared with Alt 1',
        'Alt 2 vs Alt 1: 46% similar (28 words differ)',
        'Alt 3 vs Alt 1: 69% similar (17 words differ)',
        '',
      ].join('\n'),
    )).toBe(true);
  });

  it('shows Alt 1 against Alt 3 word by word in git markers', async () => {
    expect(await diff('61', 'Alt 1', 'Alt 3', { format: 'plain' })).toBe(
      [
        'Paragraph 61: Alt 1 → Alt 3, 69% similar (17 words differ)',
        '[-Alt 1-]',
        '{+Alt 3+}',
        '',
        'We further underline the necessity of effective [-instruments-] and efficient {+tools and+} mechanisms{+,+} at national and international levels, [-and the importance-] to promote international cooperation[- to this end-]{+, inter alia, among law enforcement agencies on cybercrime+}.',
        '',
      ].join('\n'),
    );
  });

  it('moves the bracket of Alt 2 as one piece, in CriticMarkup', async () => {
    expect(await diff('61', 'alt 1', 'ALT 2', { format: 'criticmarkup' })).toBe(
      [
        'Paragraph 61: Alt 1 → Alt 2, 46% similar (28 words differ)',
        '{--Alt 1--}',
        '{++Alt 2++}',
        '',
        'We further underline {++[the importance of efficient mechanisms and effective instruments at national and international levels, and]++} the necessity {--of effective instruments and efficient mechanisms at national and international levels, and the importance--} to promote international cooperation to this end.',
        '',
      ].join('\n'),
    );
  });

  it('prints a comparison as JSON, and the overview as an array', async () => {
    const json = JSON.parse(await diff('61', 'Alt 1', 'Alt 3', { format: 'json' }));
    expect(Object.keys(json)).toEqual(['paragraph', 'a', 'b', 'similarity', 'wordsDiffer', 'changes']);
    expect(json).toMatchObject({ paragraph: '61', a: { label: 'Alt 1', text: ALT_1 }, b: { label: 'Alt 3', text: ALT_3 }, similarity: 0.691, wordsDiffer: 17 });
    const text = (types: string[]) => json.changes.filter((c: { type: string }) => types.includes(c.type)).map((c: { text: string }) => c.text).join('');
    expect(text(['equal', 'delete'])).toBe(ALT_1);
    expect(text(['equal', 'insert'])).toBe(ALT_3);
    expect(json.changes.slice(0, 2)).toEqual([
      { type: 'equal', text: 'We further underline the necessity of effective' },
      { type: 'delete', text: ' instruments' },
    ]);

    const all = JSON.parse(await diff('61', undefined, undefined, { format: 'json' }));
    expect(all.map((c: { a: { label: string }; b: { label: string }; similarity: number }) => [c.b.label, c.a.label, c.similarity])).toEqual([
      ['Alt 2', 'Alt 1', 0.462],
      ['Alt 3', 'Alt 1', 0.691],
    ]);
  });

  it('compares the current text with an alternative', async () => {
    const lines = (await diff('61', 'text', 'Alt 1', { format: 'plain' })).split('\n');
    expect(lines.slice(0, 3)).toEqual(['Paragraph 61: text → Alt 1, 15% similar (80 words differ)', '[-text-]', '{+Alt 1+}']);
    expect(lines[4]).toMatch(/^We \{\+further\+\} underline the \[-importance-\]\{\+necessity\+\} of \[-the prosecution of cybercrime, /u);
  });

  it('compares the alternatives of item f) of 71', async () => {
    expect((await diff('71', undefined, undefined, { item: 'f' })).endsWith(
      ['Paragraph 71, item f): the other alternative compared with Alt 71g1', 'Alt 71g2 vs Alt 71g1: 18% similar (36 words differ)', ''].join('\n'),
    )).toBe(true);
    const lines = (await diff('71', 'Alt 71g1', 'Alt 71g2', { item: '(f)', format: 'plain' })).split('\n');
    expect(lines[0]).toBe('Paragraph 71, item f): Alt 71g1 → Alt 71g2, 18% similar (36 words differ)');
    expect(lines[4]).toBe(
      'Encouraging [-ISPs and other-]{+relevant+} parties [-in commercial negotiations, recognising the-]{+to negotiate+} special [-needs of-]{+and reduced interconnection costs for+} LDCs, [-to adopt best practices towards the attainment of balanced interconnectivity costs-]{+in accordance with relevant multilateral trade rules+}.',
    );
  });

  it('colours for a terminal and marks for a pipe, unless told otherwise', async () => {
    expect(await diff('61', 'Alt 1', 'Alt 3', {}, fakeIo(true))).toContain('\u001b[31m\u001b[9minstruments\u001b[29m\u001b[39m');
    expect(await diff('61', 'Alt 1', 'Alt 3', {}, fakeIo(false))).toContain('[-instruments-]');
    expect(await diff('61', 'Alt 1', 'Alt 3', {}, fakeIo(true, { NO_COLOR: '1' }))).toContain('[-instruments-]');
    expect(await diff('61', 'Alt 1', 'Alt 3', { format: 'color' }, fakeIo(false))).toContain('\u001b[32mtools and\u001b[39m');
    expect(await diff('61', 'Alt 1', 'Alt 3', { format: 'plain' }, fakeIo(true))).not.toContain('\u001b[');
  });

  it('ignores spacing unless --whitespace is given', async () => {
    const dir = copyBundledDraft('spaced');
    editFile(dir, 'paragraphs/061.yaml', (text) => text.replace(/(- label: Alt 2\n {4}text: ).*/u, `$1${ALT_1.replace('further underline', 'further\u00a0 underline')}`));
    const run = async (whitespace: boolean) => {
      const io = fakeIo();
      await diffCommand('61', ['Alt 1', 'Alt 2'], { draft: dir, format: 'plain', whitespace }, io);
      return io.out.split('\n');
    };
    const loose = await run(false);
    expect(loose[0]).toBe('Paragraph 61: Alt 1 → Alt 2, 100% similar (identical)');
    expect(loose[4]).toBe(ALT_1.replace('further underline', 'further\u00a0 underline'));
    const strict = await run(true);
    expect(strict[0]).toBe('Paragraph 61: Alt 1 → Alt 2, 100% similar (only punctuation or spacing differs)');
    expect(strict[4]).toBe(`We further[- -]{+\u00a0 +}underline ${ALT_1.slice('We further underline '.length)}`);
  });

  it('says when there is nothing to compare, and where there is', async () => {
    const none = await refusal(diff('56'));
    expect(none.kind).toBe('input');
    expect(none.message).toBe('paragraph 56 has no alternatives, only its text: there is nothing to compare');
    expect((await refusal(diff('71'))).message).toBe(
      'paragraph 71 has no alternatives, only its text: there is nothing to compare; its item f) has alternatives: try --item f',
    );
  });

  it('lists the wordings when a label is unknown', async () => {
    const error = await refusal(diff('61', 'Alt 1', 'Alt 4'));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('paragraph 61 has no wording "Alt 4"; its wordings are "text", "Alt 1", "Alt 2", "Alt 3"');
    expect((await refusal(diff('71', 'x', 'text', { item: 'f' }))).message).toBe('item f) of paragraph 71 has no wording "x"; its wordings are "text", "Alt 71g1", "Alt 71g2"');
    expect((await refusal(diff('71', undefined, undefined, { item: 'g' }))).message).toBe('paragraph 71 has no item "g"; its items are a), b), c), d), e), f)');
  });

  it('refuses an unknown paragraph', async () => {
    const error = await refusal(diff('99'));
    expect(error).toMatchObject({ kind: 'input', message: 'no paragraph 99 in this draft (its 38 paragraphs run from 39 to 76); nearest: 76' });
    expect((await refusal(diff('061'))).message).toBe('no paragraph 061 in this draft (its 38 paragraphs run from 39 to 76); did you mean 61?');
  });

  it('treats a bad --format or a single label as a usage error', async () => {
    const format = await refusal(diff('61', undefined, undefined, { format: 'html' }));
    expect(format).toMatchObject({ kind: 'usage', message: '--format must be one of color, plain, criticmarkup, json (got "html")' });
    const single = await refusal(diff('61', 'Alt 1'));
    expect(single.kind).toBe('usage');
    expect(single.message).toMatch(/^name two wordings to compare/u);
  });
});
