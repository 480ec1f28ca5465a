import { z } from 'zod';
import { conventionsSchema } from './conventions-schema.js';
import { alternativeScopeSchema } from './scope-schema.js';

export { alternativeScopeSchema };
import { ADDRESS_PATTERN, DOCUMENT_SYMBOL_PATTERN, isIsoDate } from './document-fields.js';

/**
 * The single source of truth for the stored format. TypeScript types come from `z.infer`;
 * the JSON Schema files in `schemas/` are generated from these (see `json-schemas.ts`).
 * Objects are strict so that a misspelt field is reported instead of silently ignored.
 */

export const STATUSES = ['open', 'agreed', 'agreed-ad-ref', 'deleted'] as const;

export const statusSchema = z
  .enum(STATUSES)
  .describe('open: still negotiated; agreed: consensus; agreed-ad-ref: agreed pending confirmation from capitals; deleted: dropped, text kept');

/** A paragraph's address (see document-fields.ts). */
export { ADDRESS_PATTERN };

export const addressSchema = z
  .string()
  .regex(ADDRESS_PATTERN, 'an address is letters and digits, with "." or "-" between them, like "61", "61bis", "art3-2" or "opt1-pp1"')
  .describe('The paragraph address: unique in the draft and never changed once given, e.g. "61", "art3-2", "opt2-1", "pp1"');

export const paragraphNumberSchema = z
  .string()
  .min(1)
  .regex(/^[^\n\r]*$/, 'a paragraph number is one line')
  .describe('The number exactly as printed: "61", "61bis", "3 bis", "(TT)4", "PP3"');

const delegationsSchema = z.array(z.string().min(1)).describe('Delegations or groups, e.g. "EU", "G77"; with a delegations.yaml, their canonical names');

export const NOTE_KINDS = ['footnote', 'editorial', 'furniture', 'comment'] as const;

export const noteSchema = z
  .strictObject({
    text: z.string().describe('The note as written'),
    kind: z
      .enum(NOTE_KINDS)
      .optional()
      .describe('footnote: a footnote of the source; editorial: a remark that is not negotiating text, e.g. {Long-term goal}; furniture: page headers and numbers removed on import; comment: a person\'s comment'),
    marker: z.string().min(1).optional().describe('The footnote\'s marker as printed, e.g. "3"'),
    author: z.string().min(1).optional(),
    date: z.string().min(1).optional().describe('When it was written, as an ISO date or as given'),
  })
  .describe('A note: ndraft keeps it, prints it in compilations and never reads it as negotiating text');

const notesSchema = z.array(noteSchema).describe('Notes on this part of the draft');

export const alternativeSchema = z
  .strictObject({
    label: z.string().min(1).describe('The label as written in the draft: "Alt 1", "Alt 71g1", "Option 2"'),
    scope: alternativeScopeSchema.optional(),
    text: z.string().describe('The competing wording, in bracket notation'),
    proposedBy: delegationsSchema.optional().describe('The delegations that proposed it (drafts written before supportedBy existed list supporters here too)'),
    supportedBy: delegationsSchema.optional().describe('The delegations that support it without having proposed it'),
    opposedBy: delegationsSchema.optional().describe('The delegations that oppose it'),
    notes: notesSchema.optional(),
  })
  .describe('A competing wording for a paragraph or an item');

export const SPAN_EDGES = ['inside', 'closes', 'opens'] as const;

export const spanMarkSchema = z
  .strictObject({
    span: z.number().int().positive().describe('The span\'s number: the same in every text it covers, and unique in the draft'),
    edge: z
      .enum(SPAN_EDGES)
      .describe('opens: its "[" stands in this text, left unmatched here; closes: its "]" stands in this text, unmatched here; inside: the whole text lies within it'),
  })
  .describe('This text takes part in a bracket span: one bracket over several texts (a paragraph\'s text, its items, the paragraphs after it), its "[" in the first and its "]" in the last');

const spanMarksSchema = z
  .array(spanMarkSchema)
  .describe('The bracket spans this text takes part in, outermost first: those it lies inside, then those whose "]" it holds, then those whose "[" it holds, each in the order its bracket stands in the text');

export const itemSchema = z
  .strictObject({
    label: z.string().min(1).describe('The item marker as written: "a)", "(i)", "·"'),
    text: z.string().describe('The item text, in bracket notation'),
    spans: spanMarksSchema.optional(),
    status: statusSchema.optional().describe('Set when the item has a status of its own, e.g. one agreed item in an open paragraph'),
    alternatives: z.array(alternativeSchema).optional(),
    notes: notesSchema.optional(),
  })
  .describe('A lettered or bulleted sub-item under the paragraph text (the chapeau)');

export const bracketPositionSchema = z
  .strictObject({
    in: z.string().min(1).describe('The text the bracket stands in, as "ndraft show" names it: "text", "item f)", "Alt 2", "item f) Alt 71g2"'),
    bracket: z.string().min(2).describe('The bracket as written, brackets included, e.g. "[management/development]": its name while it is open (numbers shift as others are resolved)'),
    proposedBy: delegationsSchema.optional().describe('The delegations that asked for the brackets'),
    supportedBy: delegationsSchema.optional().describe('The delegations that want its words kept'),
    opposedBy: delegationsSchema.optional().describe('The delegations that want its words dropped'),
  })
  .describe('Delegations\' positions on one open bracket of the paragraph; dropped when the bracket is resolved');

export const paragraphSchema = z
  .strictObject({
    address: addressSchema,
    number: paragraphNumberSchema.optional().describe('The number as printed; absent for an unnumbered paragraph, such as a preamble\'s'),
    status: statusSchema,
    bracketed: z.boolean().describe('True when the whole paragraph stands in brackets: it may be dropped'),
    text: z.string().describe('The paragraph body, or the chapeau when there are items, in bracket notation'),
    spans: spanMarksSchema.optional().describe('The bracket spans the paragraph\'s text (its body or chapeau) takes part in; its items say their own'),
    items: z.array(itemSchema).default([]),
    alternatives: z.array(alternativeSchema).default([]),
    notes: notesSchema.optional(),
    bracketPositions: z.array(bracketPositionSchema).optional().describe('Positions on its open brackets (ndraft support 56 --bracket 1 --by EU)'),
  })
  .describe('One paragraph, numbered or not: the unit of negotiation');

export const optionSchema = z
  .strictObject({
    label: z.string().min(1).describe('The label as printed: "Option 1", "Option (a)", "Option I"'),
    title: z.string().optional().describe('The option\'s title, e.g. the words in "Option 2 {Long-term goal}"'),
    text: z.string().optional().describe('The words of an option that holds no paragraphs: "No text", "No provision on non-state actors."'),
    get paragraphs() {
      return z.array(outlineEntrySchema).default([]).describe('Its paragraphs and nested option blocks, in reading order');
    },
  })
  .describe('One of the competing options of a block')
  .meta({ id: 'option' });

export const optionBlockSchema = z
  .strictObject({
    block: z.string().min(1).describe('A name for the block, e.g. "Paragraph 3" or "Finance options"'),
    number: paragraphNumberSchema.optional().describe('The paragraph number the block stands under, as printed ("3" in "3. Option 1: …")'),
    options: z.array(optionSchema).min(1),
    accepted: z.string().min(1).optional().describe('The label of the option accepted (`ndraft accept <block> "Option 2"`); the paragraphs of the others are deleted, their text kept'),
  })
  .describe('Competing options, each a set of paragraphs (UNFCCC style "Option 1" / "Option 2"); blocks nest')
  .meta({ id: 'optionBlock' });

export const outlineEntrySchema: z.ZodType<OutlineEntry> = z.union([addressSchema, optionBlockSchema]);

export const sectionSchema = z
  .strictObject({
    number: z.string().optional().describe('"1", "3a"; absent for text outside any numbered section'),
    label: z.string().optional().describe('The heading marker as written, when it differs from the default: "3a)", "IV."'),
    title: z.string().optional(),
    paragraphs: z.array(outlineEntrySchema).default([]).describe('Paragraph addresses and option blocks, in reading order'),
    get subsections() {
      return z.array(sectionSchema).optional();
    },
    notes: notesSchema.optional(),
  })
  .describe('A section heading: outline only, not negotiated')
  .meta({ id: 'section' });

/** The document symbol a secretariat gives the text, as printed on every page: `A/CONF.999/L.1`. */
export const documentSymbolSchema = z
  .string()
  .regex(DOCUMENT_SYMBOL_PATTERN, 'a document symbol is one line, without spaces around it, e.g. A/CONF.999/L.1')
  .describe('The document symbol, e.g. "A/CONF.999/L.1" or "FCCC/PA/CMA/2026/L.3"; every export shows it');

export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD, e.g. 2026-11-30')
  .refine(isIsoDate, 'a date is written YYYY-MM-DD, e.g. 2026-11-30')
  .describe('The date the document bears (YYYY-MM-DD); every export shows it')
  // JSON Schema's name for the refinement (a date that exists), which the writers' quick check reads.
  .meta({ format: 'date' });

export const draftSchema = z
  .strictObject({
    title: z.string().min(1),
    source: z.string().optional().describe('Where the text came from: a file name or document symbol'),
    symbol: documentSymbolSchema.optional(),
    date: dateSchema.optional(),
    preamble: z.string().optional().describe('Text before the first section or paragraph, kept as written'),
    sections: z.array(sectionSchema).describe('The outline: sections and subsections in order, each with its paragraphs'),
    closing: z.string().optional().describe('Closing matter after the last paragraph, kept as written'),
    notes: notesSchema.optional(),
    conventions: conventionsSchema.optional().describe('The import conventions the draft was read with (import --conventions), so that a later import into it reads the same way'),
  })
  .describe('draft.yaml: the outline of a negotiation draft');

export const historyEntrySchema = z
  .strictObject({
    id: z.string().regex(/^\d{8}T\d{9}Z-[0-9a-f]{4,}$/, 'an id is a UTC time and a hex suffix, e.g. 20261128T154501123Z-1a2b'),
    time: z.iso.datetime().describe('When the change was made (UTC)'),
    author: z.string().min(1).describe('The person who entered the change: --author, else NDRAFT_AUTHOR, else git user.name, else the OS user'),
    onBehalfOf: z.string().min(1).optional().describe('The delegation the change was entered for (--by of propose, support, oppose, withdraw), by its canonical name'),
    command: z.string().min(1).describe('The command as typed, e.g. accept 61 "Alt 3"'),
    message: z.string().optional().describe('The -m message'),
    undoes: z.string().optional().describe('The id of the change this entry reverts'),
    revision: z
      .string()
      .optional()
      .describe('The revision this change recorded with it (import --into --as Rev.2); undoing the change removes that revision too'),
    changes: z
      .array(
        z.strictObject({
          paragraph: addressSchema,
          before: paragraphSchema.nullable().describe('The paragraph before the change; null when it was created'),
          after: paragraphSchema.nullable().describe('The paragraph after the change; null when it was removed'),
        }),
      )
      .describe('Each paragraph the change touched; empty only when the change is to the outline alone'),
    outline: z
      .strictObject({
        before: draftSchema.describe('draft.yaml before the change'),
        after: draftSchema.describe('draft.yaml after the change'),
      })
      .optional()
      .describe('Set when the change touched draft.yaml too, e.g. accepting an option of a block'),
  })
  .refine((entry) => entry.changes.length > 0 || entry.outline !== undefined, { message: 'a change records at least one paragraph or the outline', path: ['changes'] })
  // The refinement, as the writers' quick check reads it (src/model/json-schema-match.ts).
  .meta({ description: 'history/<id>.yaml: one change made by an ndraft command; entries are only ever added', 'x-ndraft-some': ['changes', 'outline'] });

export type Status = z.infer<typeof statusSchema>;
export type Alternative = z.infer<typeof alternativeSchema>;
export type AlternativeScope = z.infer<typeof alternativeScopeSchema>;
export type Item = z.infer<typeof itemSchema>;
export type SpanMark = z.infer<typeof spanMarkSchema>;
export type SpanEdgeKind = (typeof SPAN_EDGES)[number];
export type Paragraph = z.infer<typeof paragraphSchema>;
export type Note = z.infer<typeof noteSchema>;
export type BracketPosition = z.infer<typeof bracketPositionSchema>;
export type OutlineEntry = string | OptionBlock;
export interface OptionBlock {
  block: string;
  number?: string | undefined;
  options: BlockOption[];
  accepted?: string | undefined;
}
export interface BlockOption {
  label: string;
  title?: string | undefined;
  text?: string | undefined;
  paragraphs: OutlineEntry[];
}
export type Section = z.infer<typeof sectionSchema>;
export type DraftMeta = z.infer<typeof draftSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** A whole draft in memory: the outline and its paragraphs in reading order. */
export interface Draft {
  meta: DraftMeta;
  paragraphs: Paragraph[];
}
