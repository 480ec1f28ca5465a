/**
 * A small draft in memory with option blocks, for the pure tests of blocks: paragraph 1, block
 * "Paragraph 2" (Option 1: 2-opt1-2.1 and 2-opt1-2.2; Option 2: 2-opt2-2.1 with a nested block
 * "Options (a)/(b)"; Option 3: "No text"), then paragraph 3 whose alternatives are labelled
 * Option 1 and Option 2. Not a test file itself.
 */
import type { Draft, Paragraph } from '../../src/model/schemas.js';

const paragraph = (address: string, number: string | undefined, text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  address,
  ...(number !== undefined ? { number } : {}),
  status: 'open',
  bracketed: false,
  text,
  items: [],
  alternatives: [],
  ...extra,
});

export function blockDraft(): Draft {
  return {
    meta: {
      title: 'Blocks',
      sections: [
        {
          number: 'I',
          title: 'Finance',
          paragraphs: [
            '1',
            {
              block: 'Paragraph 2',
              number: '2',
              options: [
                { label: 'Option 1', paragraphs: ['2-opt1-2.1', '2-opt1-2.2'] },
                {
                  label: 'Option 2',
                  paragraphs: [
                    '2-opt2-2.1',
                    { block: 'Options (a)/(b)', options: [{ label: 'Option (a)', paragraphs: ['2-opt2-a'] }, { label: 'Option (b)', paragraphs: ['2-opt2-b'] }] },
                  ],
                },
                { label: 'Option 3', text: 'No text', paragraphs: [] },
              ],
            },
            '3',
          ],
        },
      ],
    },
    paragraphs: [
      paragraph('1', '1', 'Parties shall mobilize finance.'),
      paragraph('2-opt1-2.1', '2.1', 'Developed country Parties shall provide [new and additional] financial resources.'),
      paragraph('2-opt1-2.2', '2.2', 'Such resources shall be predictable.'),
      paragraph('2-opt2-2.1', '2.1', 'All Parties in a position to do so shall provide financial resources.'),
      paragraph('2-opt2-a', undefined, 'Through the Fund.'),
      paragraph('2-opt2-b', undefined, 'Through any channel.'),
      paragraph('3', '3', '', {
        alternatives: [
          { label: 'Option 1', text: 'The Standing Committee shall report annually.' },
          { label: 'Option 2', text: 'The Standing Committee shall report every two years.' },
        ],
      }),
    ],
  };
}
