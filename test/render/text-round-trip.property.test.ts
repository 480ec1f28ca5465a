/**
 * A text export followed by an import never creates a paragraph, item, alternative or heading
 * that the draft did not have (issue 12), whatever its texts hold: line breaks, numbers that
 * start a line (`77.`), item letters, alternative labels, headings, rules, stray brackets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/importer/import-text.js';
import type { Draft, Paragraph, Section } from '../../src/model/schemas.js';
import { renderText } from '../../src/render/render-text.js';

const HOSTILE = [
  '77.', '12bis.', '3.', 'a)', '(iv)', 'b)', '·', 'Alt 2', '[Alt 3 12.', 'Alt 71g1)', 'Option 1:', 'II.', 'B.', '3a)', '---', '___',
  '\n', '\n\n', '\n77. Injected', '\nII.\nNew heading', '\na) injected item', '\n[Alt 9 10. Injected]', '[', ']', '/', '(Agreed)', '(Deleted)',
];
const WORDS = ['we', 'agree', 'the', 'parties', 'cooperation', 'shall', 'development', 'and', 'of'];

/** A sentence mixing words and hostile fragments; it ends with a full stop so that no text is title-shaped. */
const text = fc
  .array(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) }), { minLength: 1, maxLength: 12 })
  .map((parts) => `${parts.join(' ')} end.`);

const paragraphShape = fc.record({
  text,
  bracketed: fc.boolean(),
  items: fc.array(fc.record({ text, alternatives: fc.array(text, { maxLength: 2 }) }), { maxLength: 3 }),
  alternatives: fc.array(text, { maxLength: 2 }),
});

const draftShape = fc.array(fc.array(paragraphShape, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

type DraftShape = typeof draftShape extends fc.Arbitrary<infer T> ? T : never;

function buildDraft(sections: DraftShape): Draft {
  let next = 10;
  const paragraphs: Paragraph[] = [];
  const outline: Section[] = sections.map((shapes, s) => {
    const numbers: string[] = [];
    for (const shape of shapes) {
      const number = String(next++);
      numbers.push(number);
      paragraphs.push({
        address: number,
        number,
        status: 'open',
        bracketed: shape.bracketed,
        text: shape.text,
        items: shape.items.map((item, i) => ({
          label: `${LETTERS[i]})`,
          text: item.text,
          ...(item.alternatives.length > 0 ? { alternatives: item.alternatives.map((t, k) => ({ label: `Alt ${number}${LETTERS[i]}${k + 1}`, text: t })) } : {}),
        })),
        alternatives: shape.alternatives.map((t, k) => ({ label: `Alt ${k + 1}`, text: t })),
      });
    }
    return { number: ['I', 'II', 'III'][s] as string, title: `Section Title ${s + 1}`, paragraphs: numbers };
  });
  return { meta: { title: 'Generated', sections: outline }, paragraphs };
}

function countSections(sections: readonly Section[]): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.subsections ?? []), 0);
}

describe('text export then import', () => {
  it('never creates paragraphs, items, alternatives or headings the draft did not have', () => {
    fc.assert(
      fc.property(draftShape, (shape) => {
        const draft = buildDraft(shape);
        const back = importText(renderText(draft), { file: 'export.txt', title: 'Generated' }).draft;
        const original = new Map(draft.paragraphs.map((p) => [p.number, p]));
        for (const p of back.paragraphs) {
          const was = original.get(p.number);
          expect(was, `paragraph ${p.number} was created`).toBeDefined();
          expect(p.items.length).toBeLessThanOrEqual(was!.items.length);
          expect(p.alternatives.length).toBeLessThanOrEqual(was!.alternatives.length);
          const alternatives = (q: Paragraph) => q.items.reduce((n, i) => n + (i.alternatives?.length ?? 0), 0);
          expect(alternatives(p)).toBeLessThanOrEqual(alternatives(was!));
        }
        expect(countSections(back.meta.sections)).toBeLessThanOrEqual(countSections(draft.meta.sections));
      }),
      { numRuns: 300 },
    );
  });

  it('the injection of issue 12 comes back as the text it was', () => {
    const draft = buildDraft([[{ text: 'We agree.\n\n77. Injected text.', bracketed: false, items: [], alternatives: ['77. Injected too.'] }]]);
    const back = importText(renderText(draft), { file: 'export.txt', title: 'Generated' }).draft;
    expect(back.paragraphs.map((p) => [p.number, p.text, p.alternatives.map((a) => a.text)])).toEqual([['10', 'We agree. 77. Injected text.', ['77. Injected too.']]]);
  });
});
