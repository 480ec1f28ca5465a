import { z } from 'zod';

/** What an alternative competes for; its own file because draft.yaml's conventions name one too. */
export const alternativeScopeSchema = z
  .union([
    z.strictObject({ insertAfterSentence: z.number().int().min(1).describe('Inserted after this sentence of the text (1 = after the first)') }),
    z.strictObject({ insertAt: z.enum(['start', 'end']).describe('Inserted at the start or at the end of the text') }),
    z.strictObject({ replaces: z.string().min(1).describe('Replaces these words of the text, which occur in it once') }),
  ])
  .describe('What the alternative competes for. Absent: the whole text of its paragraph or item. Otherwise an insertion at a point of the text, or the words of the text it replaces')
  .meta({ id: 'alternativeScope' });
