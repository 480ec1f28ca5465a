import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/importer/decode-input.js';
import { importText } from '../../src/importer/import-text.js';
import type { Draft } from '../../src/model/schemas.js';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { renderParagraph, renderText } from '../../src/render/render-text.js';

const SEED = fileURLToPath(new URL('../fixtures/wsis-tunis-internet-governance.txt', import.meta.url));
const seedText = decodeInput(readFileSync(SEED), SEED).text;
const seed = importText(seedText, { file: SEED, title: 'WSIS' }).draft;
const words = (s: string) => s.replace(/[[\]]/g, ' ').split(/\s+/).filter(Boolean);

describe('renderText', () => {
  it('gives back the words of the seed, in order, once brackets are removed', () => {
    const exported = renderText(seed);
    expect(words(exported)).toEqual(words(seedText));
    expect(words(exported)).toHaveLength(2713);
  });

  it('balances every bracket of the seed export, including the repaired one of 61', () => {
    const exported = renderText(seed);
    expect(parseNotation(exported).ok).toBe(true);
    expect(parseNotation(seedText).ok).toBe(false);
  });

  it('reads back into the same model (export, then import, changes nothing)', () => {
    const again = importText(renderText(seed), { file: '/tmp/x.txt', title: 'WSIS' });
    expect(again.draft).toEqual(seed);
    expect(again.warnings.filter((w) => w.code !== 'UNBRACKETED_CHOICE')).toEqual([]);
  });

  it('writes paragraphs in negotiation conventions', () => {
    const byNumber = (n: string) => seed.paragraphs.find((p) => p.number === n)!;
    expect(renderParagraph(byNumber('56'))).toBe(
      '56.\nWe recognize and acknowledge the vital role played by many existing organizations in the technical [management/development] of the Internet.',
    );
    const p61 = renderParagraph(byNumber('61')).split('\n');
    expect(p61[0]).toBe('[61.');
    expect(p61[1]).toMatch(/Convention on Cybercrime\.\]$/);
    expect(p61.slice(2, 4)).toEqual([
      '[Alt 1 61.',
      'We further underline the necessity of effective instruments and efficient mechanisms at national and international levels, and the importance to promote international cooperation to this end.]',
    ]);
    const p71 = renderParagraph(byNumber('71')).split('\n');
    expect(p71[6]).toMatch(/^e\) Promoting .* developing countries; \(Agreed\)$/);
    expect(p71.slice(8)).toEqual([
      '[Alt 71g1)',
      'Encouraging ISPs and other parties in commercial negotiations, recognising the special needs of LDCs, to adopt best practices towards the attainment of balanced interconnectivity costs.]',
      '[Alt 71g2)',
      'Encouraging relevant parties to negotiate special and reduced interconnection costs for LDCs, in accordance with relevant multilateral trade rules.]',
    ]);
    expect(renderParagraph(byNumber('45')).split('\n').at(-1)).toMatch(/^e\) International .* policies\. \(Agreed\)$/);
  });

  it('renders headings, preamble, statuses and closing matter of any draft', () => {
    const draft: Draft = {
      meta: {
        title: 'T',
        preamble: 'Chair’s text',
        sections: [
          { number: 'I', paragraphs: ['1'], title: 'General', subsections: [{ number: 'A', label: 'A.', title: 'Scope', paragraphs: ['2'] }] },
        ],
        closing: '* * *',
      },
      paragraphs: [
        { address: '1', number: '1', status: 'agreed-ad-ref', bracketed: false, text: 'One.', items: [], alternatives: [] },
        { address: '2', number: '2', status: 'deleted', bracketed: true, text: 'Two.', items: [], alternatives: [] },
      ],
    };
    expect(renderText(draft)).toBe('Chair’s text\n\nI.\nGeneral\n\n1.\nOne. (Agreed ad ref)\n\nA. Scope\n\n[2.\nTwo. (Deleted)]\n\n* * *\n');
  });
});
