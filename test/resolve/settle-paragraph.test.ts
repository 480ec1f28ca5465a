import { describe, expect, it } from 'vitest';
import { settleParagraph } from '../../src/resolve/settle-paragraph.js';
import { failure } from '../helpers/sandbox.js';
import { bundled, leavesInputAlone, paragraph } from './paragraphs.js';

describe('settleParagraph', () => {
  it('keeps 61: it is no longer bracketed as a whole, its wordings unchanged', () => {
    const p61 = bundled('61');
    const { paragraph: after, summary } = leavesInputAlone(p61, (p) => settleParagraph(p, 'keep'));
    expect(after).toEqual({ ...p61, bracketed: false });
    expect(summary).toBe('kept paragraph 61: it is no longer bracketed as a whole');
  });

  it('drops 61: its status is deleted and its text is kept', () => {
    const p61 = bundled('61');
    const { paragraph: after, summary } = leavesInputAlone(p61, (p) => settleParagraph(p, 'drop'));
    expect(after).toEqual({ ...p61, status: 'deleted' });
    expect(after.text).toBe(p61.text);
    expect(after.alternatives).toHaveLength(3);
    expect(summary).toBe('dropped paragraph 61: its status is now deleted (its text is kept)');
  });

  it('refuses a paragraph that is not bracketed as a whole', () => {
    for (const decision of ['keep', 'drop'] as const) {
      const error = failure(() => settleParagraph(bundled('56'), decision));
      expect(error.kind).toBe('input');
      expect(error.message).toBe('paragraph 56 is not bracketed as a whole; there is nothing to keep or drop');
    }
    expect(failure(() => settleParagraph(paragraph({ number: '61bis' }), 'keep')).message).toBe(
      'paragraph 61bis (9) is not bracketed as a whole; there is nothing to keep or drop',
    );
  });
});
