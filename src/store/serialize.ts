import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { SCHEMA_FILES, type SchemaName } from '../model/schema-files.js';
import { emitYaml } from './emit-yaml.js';
import type { Conventions, WordFormatting } from '../model/conventions-schema.js';
import type { Alternative, DraftMeta, Item, Note, OutlineEntry, Paragraph, Section, SpanMark } from '../model/schemas.js';

/** The `schemas/` folder shipped with ndraft. */
export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');

/**
 * Where editors find the JSON Schemas: a fixed address, the same for every copy of ndraft. (A
 * path relative to where ndraft is installed changed each file's first line whenever someone
 * else's copy wrote it, so that `accept` then `undo` left a modified file in git.)
 */
export const SCHEMA_BASE_URL = 'https://unpkg.com/ndraft/schemas/';

/**
 * YAML text for a file of the draft. It starts with a yaml-language-server line pointing at the
 * JSON Schema, so editors validate it as you type. Long texts stay on one line so that a
 * reworded paragraph is a one-line change in git. `_filePath` is where it will be written.
 */
export function serializeYaml(value: object, schema: SchemaName, _filePath: string): string {
  return `# yaml-language-server: $schema=${SCHEMA_BASE_URL}${SCHEMA_FILES[schema]}\n${emitYaml(value)}`;
}

/**
 * A paragraph as its file holds it: every object's fields in the schema's order (which is also the
 * order zod gives them when the file is read back), optional fields only when set, and the
 * paragraph's notes only when there are some. What is written is thus exactly what reading the
 * file gives, so a draft just written can seed the parse cache without parsing it again
 * (test/store/serialize.test.ts holds this against zod).
 */
export function paragraphForYaml(paragraph: Paragraph): Paragraph {
  return {
    address: paragraph.address,
    ...(paragraph.number !== undefined ? { number: paragraph.number } : {}),
    status: paragraph.status,
    bracketed: paragraph.bracketed,
    text: paragraph.text,
    ...(paragraph.spans !== undefined ? { spans: paragraph.spans.map(spanMarkForYaml) } : {}),
    items: paragraph.items.map(itemForYaml),
    alternatives: paragraph.alternatives.map(alternativeForYaml),
    ...(paragraph.notes && paragraph.notes.length > 0 ? { notes: paragraph.notes.map(noteForYaml) } : {}),
    ...(paragraph.bracketPositions !== undefined
      ? {
          bracketPositions: paragraph.bracketPositions.map((b) => ({
            in: b.in,
            bracket: b.bracket,
            ...(b.proposedBy !== undefined ? { proposedBy: [...b.proposedBy] } : {}),
            ...(b.supportedBy !== undefined ? { supportedBy: [...b.supportedBy] } : {}),
            ...(b.opposedBy !== undefined ? { opposedBy: [...b.opposedBy] } : {}),
          })),
        }
      : {}),
  };
}

function itemForYaml(item: Item): Item {
  return {
    label: item.label,
    text: item.text,
    ...(item.spans !== undefined ? { spans: item.spans.map(spanMarkForYaml) } : {}),
    ...(item.status !== undefined ? { status: item.status } : {}),
    ...(item.alternatives !== undefined ? { alternatives: item.alternatives.map(alternativeForYaml) } : {}),
    ...(item.notes !== undefined ? { notes: item.notes.map(noteForYaml) } : {}),
  };
}

function spanMarkForYaml(mark: SpanMark): SpanMark {
  return { span: mark.span, edge: mark.edge };
}

function alternativeForYaml(alternative: Alternative): Alternative {
  return {
    label: alternative.label,
    ...(alternative.scope !== undefined ? { scope: { ...alternative.scope } } : {}),
    text: alternative.text,
    ...(alternative.proposedBy !== undefined ? { proposedBy: [...alternative.proposedBy] } : {}),
    ...(alternative.supportedBy !== undefined ? { supportedBy: [...alternative.supportedBy] } : {}),
    ...(alternative.opposedBy !== undefined ? { opposedBy: [...alternative.opposedBy] } : {}),
    ...(alternative.notes !== undefined ? { notes: alternative.notes.map(noteForYaml) } : {}),
  };
}

/** draft.yaml's content, in the same way as `paragraphForYaml`. */
export function draftMetaForYaml(meta: DraftMeta): DraftMeta {
  return {
    title: meta.title,
    ...(meta.source !== undefined ? { source: meta.source } : {}),
    ...(meta.symbol !== undefined ? { symbol: meta.symbol } : {}),
    ...(meta.date !== undefined ? { date: meta.date } : {}),
    ...(meta.preamble !== undefined ? { preamble: meta.preamble } : {}),
    sections: meta.sections.map(sectionForYaml),
    ...(meta.closing !== undefined ? { closing: meta.closing } : {}),
    ...(meta.notes && meta.notes.length > 0 ? { notes: meta.notes.map(noteForYaml) } : {}),
    ...(meta.conventions !== undefined ? { conventions: conventionsForYaml(meta.conventions) } : {}),
  };
}

function conventionsForYaml(c: Conventions): Conventions {
  return {
    ...(c.optionWords !== undefined ? { optionWords: [...c.optionWords] } : {}),
    ...(c.alternativeWords !== undefined ? { alternativeWords: [...c.alternativeWords] } : {}),
    ...(c.articleWords !== undefined ? { articleWords: [...c.articleWords] } : {}),
    ...(c.divisionWords !== undefined ? { divisionWords: [...c.divisionWords] } : {}),
    ...(c.agreedMarkers !== undefined ? { agreedMarkers: [...c.agreedMarkers] } : {}),
    ...(c.adRefMarkers !== undefined ? { adRefMarkers: [...c.adRefMarkers] } : {}),
    ...(c.deletedMarkers !== undefined ? { deletedMarkers: [...c.deletedMarkers] } : {}),
    ...(c.wordFormatting !== undefined ? { wordFormatting: wordFormattingForYaml(c.wordFormatting) } : {}),
    ...(c.alternativeScope !== undefined ? { alternativeScope: { ...c.alternativeScope } } : {}),
  };
}

function wordFormattingForYaml(f: WordFormatting): WordFormatting {
  return {
    ...(f.strikethrough !== undefined ? { strikethrough: f.strikethrough } : {}),
    ...(f.bold !== undefined ? { bold: f.bold } : {}),
    ...(f.underline !== undefined ? { underline: f.underline } : {}),
    ...(f.highlight !== undefined ? { highlight: { ...f.highlight } } : {}),
  };
}

function sectionForYaml(section: Section): Section {
  return {
    ...(section.number !== undefined ? { number: section.number } : {}),
    ...(section.label !== undefined ? { label: section.label } : {}),
    ...(section.title !== undefined ? { title: section.title } : {}),
    paragraphs: section.paragraphs.map(entryForYaml),
    ...(section.subsections !== undefined ? { subsections: section.subsections.map(sectionForYaml) } : {}),
    ...(section.notes !== undefined ? { notes: section.notes.map(noteForYaml) } : {}),
  };
}

function entryForYaml(entry: OutlineEntry): OutlineEntry {
  if (typeof entry === 'string') return entry;
  return {
    block: entry.block,
    ...(entry.number !== undefined ? { number: entry.number } : {}),
    options: entry.options.map((option) => ({
      label: option.label,
      ...(option.title !== undefined ? { title: option.title } : {}),
      ...(option.text !== undefined ? { text: option.text } : {}),
      paragraphs: option.paragraphs.map(entryForYaml),
    })),
    ...(entry.accepted !== undefined ? { accepted: entry.accepted } : {}),
  };
}

function noteForYaml(note: Note): Note {
  return {
    text: note.text,
    ...(note.kind !== undefined ? { kind: note.kind } : {}),
    ...(note.marker !== undefined ? { marker: note.marker } : {}),
    ...(note.author !== undefined ? { author: note.author } : {}),
    ...(note.date !== undefined ? { date: note.date } : {}),
  };
}
