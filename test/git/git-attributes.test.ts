import { describe, expect, it } from 'vitest';
import { DRAFT_ATTRIBUTES, withAttributes } from '../../src/git/git-attributes.js';

const HEADER = '# ndraft (written by "ndraft git-setup"): merge paragraphs as alternatives, diff them as text';

describe('withAttributes', () => {
  it('writes the header and the lines into a new file', () => {
    expect(withAttributes(undefined, DRAFT_ATTRIBUTES)).toEqual({
      text: `${HEADER}\nparagraphs/*.yaml merge=ndraft diff=ndraft\ndraft.yaml merge=ndraft\n`,
      added: [...DRAFT_ATTRIBUTES],
    });
  });

  it('keeps the user\'s lines, ends an unfinished last line, and adds only what is missing', () => {
    const own = '*.pdf binary\r\ndraft.yaml   merge=ndraft';
    const { text, added } = withAttributes(own, DRAFT_ATTRIBUTES);
    expect(added).toEqual(['paragraphs/*.yaml merge=ndraft diff=ndraft']);
    expect(text).toBe(`${own}\n\n${HEADER}\nparagraphs/*.yaml merge=ndraft diff=ndraft\n`);
  });

  it('adds nothing the second time: the text comes back unchanged', () => {
    const once = withAttributes('*.pdf binary\n', DRAFT_ATTRIBUTES).text;
    expect(withAttributes(once, DRAFT_ATTRIBUTES)).toEqual({ text: once, added: [] });
  });

  it('writes the header once, even when a line is added later', () => {
    const partial = `${HEADER}\ndraft.yaml merge=ndraft\n`;
    expect(withAttributes(partial, DRAFT_ATTRIBUTES).text).toBe(`${partial}paragraphs/*.yaml merge=ndraft diff=ndraft\n`);
  });
});
