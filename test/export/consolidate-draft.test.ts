import { describe, expect, it } from 'vitest';
import { consolidateDraft } from '../../src/export/consolidate-draft.js';
import type { Draft, Paragraph } from '../../src/model/schemas.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { BUNDLED_DRAFT, failure } from '../helpers/sandbox.js';

const bundledDraft = (await checkDraft(await loadDraft(BUNDLED_DRAFT))).draft as Draft;
const bundled = (): Draft => structuredClone(bundledDraft);
const p = (number: string, fields: Partial<Paragraph> = {}): Paragraph => ({ address: number, number, status: 'open', bracketed: false, text: `Text ${number}.`, items: [], alternatives: [], ...fields });

describe('consolidateDraft', () => {
  it('refuses the bundled draft, listing every unresolved place with its paragraph', () => {
    const error = failure(() => consolidateDraft(bundled()));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('the draft cannot be exported clean: 10 places are unresolved (resolve them, or export --agreed-only)');
    expect(error.diagnostics.map((d) => d.message)).toEqual([
      'paragraph 56, bracket 1 in text: [management/development]',
      'paragraph 61, the whole paragraph is in brackets (settle it with --keep-paragraph or --drop-paragraph)',
      'paragraph 61, bracket 1 in Alt 2: [the importance of efficient mechanisms and effective instruments at …',
      'paragraph 61, alternative "Alt 1"',
      'paragraph 61, alternative "Alt 2"',
      'paragraph 61, alternative "Alt 3"',
      expect.stringMatching(/^paragraph 70, bracket 1 in text: \[and we support/),
      'paragraph 71, alternative "Alt 71g1" of item f)',
      'paragraph 71, alternative "Alt 71g2" of item f)',
      'paragraph 76, bracket 1 in text: [some]',
    ]);
  });

  it('with --agreed-only keeps agreed paragraphs and agreed items, and notes what it left out', () => {
    const result = consolidateDraft(bundled(), { agreedOnly: true });
    expect(result.draft.paragraphs.map((x) => x.number)).toEqual([
      '39', '40', '41', '42', '43', '44', '45', '46', '47', '60', '62', '63', '64', '65', '66', '67', '68', '69', '71', '72', '73', '74', '75',
    ]);
    const p71 = result.draft.paragraphs.find((x) => x.number === '71');
    expect(p71).toMatchObject({ text: '', items: [{ label: 'e)' }] });
    expect(result.note).toBe('Not included, not yet agreed: paragraphs 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 61, 70, 71 (all but item e)), 76.');
    // Headings with nothing agreed under them go: 3a (48-59) and 5 (76).
    expect(result.draft.meta.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4']);
    expect(result.draft.meta.sections[2]?.subsections?.map((s) => s.number)).toEqual(['3b']);
  });

  it('drops deleted paragraphs, statuses and markers; renumbers on request', () => {
    const draft: Draft = {
      meta: { title: 'T', sections: [{ paragraphs: ['1', '1bis', '2', '3'] }] },
      paragraphs: [p('1', { status: 'agreed' }), p('1bis', { status: 'deleted', bracketed: true, text: '[gone]' }), p('2', { items: [{ label: 'a)', text: 'x', status: 'agreed' }] }), p('3')],
    };
    const result = consolidateDraft(draft, { renumber: true });
    expect(result.draft.paragraphs.map((x) => x.number)).toEqual(['1', '2', '3']);
    expect(result.draft.paragraphs[1]?.items).toEqual([{ label: 'a)', text: 'x' }]);
    expect([...(result.numbers ?? [])]).toEqual([['1', '1'], ['2', '2'], ['3', '3']]);
    expect(result.draft.meta.sections[0]?.paragraphs).toEqual(['1', '2', '3']);
    expect(result.note).toBeUndefined();
  });
});
