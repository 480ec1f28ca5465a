import { z } from 'zod';
import { alternativeScopeSchema } from './scope-schema.js';

const WORD_STATUSES = ['open', 'agreed', 'agreed-ad-ref', 'deleted'] as const;

/**
 * What formatting means in a Word document (import of a .docx). Strikethrough is read as a
 * proposed deletion unless switched off; bold, underline and highlight colours carry no meaning
 * unless a negotiation declares it, since ndraft's own export bolds and highlights brackets.
 */
export const wordFormattingSchema = z
  .strictObject({
    strikethrough: z.enum(['proposed-deletion', 'none']).optional().describe('Struck-through words: proposed-deletion (default) puts them in brackets; none keeps them as plain text'),
    bold: z.enum(['proposed-insertion', 'none']).optional().describe('Bold words: proposed-insertion puts them in brackets; none (default) ignores bold'),
    underline: z.enum(['proposed-insertion', 'none']).optional().describe('Underlined words: proposed-insertion puts them in brackets; none (default) ignores underlining'),
    highlight: z
      .record(z.string().regex(/^[A-Za-z]+$/, 'a Word highlight colour name, e.g. green, cyan, yellow'), z.enum(WORD_STATUSES))
      .optional()
      .describe('Highlight colour → status of a paragraph or item whose words are all highlighted in it, e.g. {green: agreed, cyan: agreed-ad-ref}; none by default'),
  })
  .describe('What formatting means in a Word document');

// Trimmed as read, which JSON Schema cannot say: the mark makes the writers' quick check leave such a value to zod.
const words = (description: string) => z.array(z.string().trim().min(1).meta({ 'x-ndraft-trimmed': true })).optional().describe(description);

/**
 * A negotiation's own spellings of the importer's labels and markers, each list adding to the
 * words ndraft always reads (never replacing them). Given with `import --conventions file.yaml`
 * and stored in draft.yaml, so that a later import into the draft reads the same way.
 */
export const conventionsSchema = z
  .strictObject({
    optionWords: words('Words that open an option block like "Option 1:", besides "Option", e.g. "Opción", "Variante"'),
    alternativeWords: words('Words that label an alternative like "Alt 1", besides "Alt" and "Alternative", e.g. "Alt.", "Variante"'),
    articleWords: words('Words that head an article like "Article 3", besides "Article", e.g. "Artículo", "Art."'),
    divisionWords: words('Words that head a division above articles, besides Part, Chapter, Section and Annex, e.g. "Parte", "Capítulo", "Anexo"'),
    agreedMarkers: words('Markers at the end of a text that mean agreed, besides "(Agreed)", e.g. "(Acordado)", "[agreed]"'),
    adRefMarkers: words('Markers that mean agreed ad referendum, besides "(Agreed ad ref)", e.g. "(Acordado ad ref)"'),
    deletedMarkers: words('Markers that mean deleted, besides "(Deleted)", e.g. "(Suprimido)"'),
    wordFormatting: wordFormattingSchema.optional(),
    alternativeScope: alternativeScopeSchema
      .optional()
      .describe('What the alternatives of a paragraph with a text of its own compete for, when the draft\'s alternatives add to the text rather than reword it, e.g. {insertAt: end}; by default each replaces the whole text'),
  })
  .describe('Import conventions: a negotiation\'s own spellings of labels and status markers, added to the ones ndraft reads by default');

export type Conventions = z.infer<typeof conventionsSchema>;
export type WordFormatting = z.infer<typeof wordFormattingSchema>;
