import { relative, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { SCHEMA_FILES, type SchemaName } from '../model/json-schemas.js';
import type { DraftMeta, Paragraph } from '../model/schemas.js';

/** The `schemas/` folder shipped with ndraft (two levels above this compiled file: dist/store/). */
export const SCHEMAS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');

/**
 * YAML text for a file of the draft. It starts with a yaml-language-server line pointing at the
 * JSON Schema, relative to where the file is written, so editors validate it as you type.
 * Long texts stay on one line so that a reworded paragraph is a one-line change in git.
 */
export function serializeYaml(value: object, schema: SchemaName, filePath: string): string {
  const schemaPath = relative(dirname(filePath), join(SCHEMAS_DIR, SCHEMA_FILES[schema])).split('\\').join('/');
  const body = stringify(value, { lineWidth: 0, minContentWidth: 0, indentSeq: true });
  return `# yaml-language-server: $schema=${schemaPath}\n${body}`;
}

/** A paragraph with its fields in the documented order, optional ones left out when empty. */
export function paragraphForYaml(paragraph: Paragraph): Record<string, unknown> {
  const out: Record<string, unknown> = {
    number: paragraph.number,
    status: paragraph.status,
    bracketed: paragraph.bracketed,
    text: paragraph.text,
    items: paragraph.items,
    alternatives: paragraph.alternatives,
  };
  if (paragraph.notes && paragraph.notes.length > 0) out.notes = paragraph.notes;
  return out;
}

export function draftMetaForYaml(meta: DraftMeta): Record<string, unknown> {
  const out: Record<string, unknown> = { title: meta.title };
  if (meta.source !== undefined) out.source = meta.source;
  if (meta.preamble !== undefined) out.preamble = meta.preamble;
  out.sections = meta.sections;
  if (meta.closing !== undefined) out.closing = meta.closing;
  if (meta.notes && meta.notes.length > 0) out.notes = meta.notes;
  return out;
}
