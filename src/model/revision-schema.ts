import { z } from 'zod';
import { addressSchema } from './schemas.js';
import { REVISION_NAME_PATTERN, WORKING_DRAFT } from './revision-names.js';

// Re-exported: the names are checked where revisions are written without loading zod (revision-names.ts).
export { REVISION_NAME_PATTERN, WORKING_DRAFT };

/** SHA-1 of a stored file's bytes, in lowercase hex: the object's key in `revisions/objects/`. */
export const objectHashSchema = z.string().regex(/^[0-9a-f]{40}$/, 'an object hash is 40 lowercase hex digits (the SHA-1 of the file\'s bytes)');

export const revisionFiguresSchema = z
  .strictObject({
    paragraphs: z.number().int().min(0),
    agreed: z.number().int().min(0),
    agreedAdRef: z.number().int().min(0),
    open: z.number().int().min(0),
    deleted: z.number().int().min(0),
    itemsAgreed: z.number().int().min(0).describe('Items agreed inside paragraphs still open'),
    brackets: z.number().int().min(0).describe('Inline brackets still open'),
    bracketedParagraphs: z.number().int().min(0),
    alternatives: z.number().int().min(0).describe('Alternatives still on the table'),
  })
  .describe('The status figures of the draft at that revision, as "ndraft status" counts them');

export const revisionSchema = z
  .strictObject({
    name: z
      .string()
      .regex(REVISION_NAME_PATTERN, 'a revision name is letters, digits, ".", "-" and "_", starting with a letter or digit, e.g. "Rev.1"')
      .describe('The revision\'s name, e.g. "import" or "Rev.1"; also its file name'),
    time: z.iso.datetime().describe('When it was recorded (UTC)'),
    author: z.string().min(1).describe('--by, else NDRAFT_AUTHOR, else git user.name, else the OS user'),
    message: z.string().optional().describe('The -m message'),
    draft: objectHashSchema.describe('The object holding draft.yaml as it was'),
    figures: revisionFiguresSchema,
    paragraphs: z.record(addressSchema, objectHashSchema).describe('Each paragraph\'s address and the object holding its file as it was'),
  })
  .describe('revisions/<name>.yaml: a named revision of the draft, its files by content');

export type Revision = z.infer<typeof revisionSchema>;
export type RevisionFigures = z.infer<typeof revisionFiguresSchema>;
