import { basename, dirname } from 'node:path';
import type { DraftMeta, Paragraph } from '../model/schemas.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from '../store/serialize.js';
import type { Parsers } from '../store/yaml-parser.js';
import type { Attribute } from './contributors.js';
import { mergeOutline } from './merge-outline.js';
import { mergeParagraph } from './merge-paragraph.js';

/** What kind of draft file a path in a repository is, by where it stands. */
export type DraftFileKind = 'paragraph' | 'draft' | 'other';

export function draftFileKind(path: string): DraftFileKind {
  const name = basename(path);
  if (name === 'draft.yaml') return 'draft';
  if (name.endsWith('.yaml') && basename(dirname(path)) === 'paragraphs') return 'paragraph';
  return 'other';
}

/** A file's three versions as text; `base` undefined when both sides added the file. */
export interface FileVersions {
  base: string | undefined;
  ours: string;
  theirs: string;
}

export type FileMerge =
  | { merged: string; warnings: string[]; before?: Paragraph | DraftMeta; after?: Paragraph | DraftMeta }
  /** Two paragraphs added under one address: the caller, which sees the whole draft, keeps both. */
  | { bothAdded: { ours: Paragraph; theirs: Paragraph } }
  | { conflict: string };

/**
 * The merge of one file of a draft, the one code path behind `ndraft merge-driver` (git hands it
 * the three versions) and `ndraft resolve-conflicts` (it reads them from the markers git left):
 * identical or one-sided changes are taken as bytes; paragraph files and draft.yaml are parsed
 * and merged part by part; any other file (a history entry, which is only ever added, or a
 * revision) merges only when one side left it as it was. A version that does not read (not YAML,
 * not the schema) is a conflict: nothing is merged on a guess.
 */
export function mergeDraftFile(path: string, versions: FileVersions, parsers: Parsers, attribute: Attribute): FileMerge {
  const { base, ours, theirs } = versions;
  if (ours === theirs || base === theirs) return { merged: ours, warnings: [] };
  if (base === ours) return { merged: theirs, warnings: [] };
  const kind = draftFileKind(path);
  if (kind === 'other') return { conflict: 'both copies changed it, and ndraft merges only paragraph files and draft.yaml' };

  const read = <T>(side: string, text: string | undefined, parse: (file: string, bytes: Buffer) => { diagnostics: { severity: string; message: string; line?: number }[] } & T): T | { unreadable: string } | undefined => {
    if (text === undefined || text.trim() === '') return undefined;
    const parsed = parse(`${path} (${side})`, Buffer.from(text, 'utf8'));
    const error = parsed.diagnostics.find((d) => d.severity === 'error');
    return error ? { unreadable: `${side}'s version does not read: ${error.message}${error.line !== undefined ? ` (line ${error.line})` : ''}` } : parsed;
  };
  if (kind === 'draft') {
    const sides = [read('base', base, parsers.parseDraftFile), read('ours', ours, parsers.parseDraftFile), read('theirs', theirs, parsers.parseDraftFile)];
    const problem = sides.find((s) => s !== undefined && 'unreadable' in s);
    if (problem && 'unreadable' in problem) return { conflict: problem.unreadable };
    const [b, o, t] = sides.map((s) => (s && 'meta' in s ? s.meta : undefined));
    if (!o || !t) return { conflict: "a side's version is empty" };
    if (!b) return { conflict: 'both copies added it, differently' };
    const outcome = mergeOutline(b, o, t);
    if ('conflict' in outcome) return outcome;
    return { merged: serializeYaml(draftMetaForYaml(outcome.merged), 'draft', path), warnings: outcome.warnings, before: o, after: outcome.merged };
  }
  const sides = [read('base', base, parsers.parseParagraphFile), read('ours', ours, parsers.parseParagraphFile), read('theirs', theirs, parsers.parseParagraphFile)];
  const problem = sides.find((s) => s !== undefined && 'unreadable' in s);
  if (problem && 'unreadable' in problem) return { conflict: problem.unreadable };
  const [b, o, t] = sides.map((s) => (s && 'paragraph' in s ? s.paragraph : undefined));
  if (!o || !t) return { conflict: "a side's version is empty" };
  if (!b && o.address === t.address && JSON.stringify(o) !== JSON.stringify(t)) return { bothAdded: { ours: o, theirs: t } };
  const outcome = mergeParagraph(b, o, t, attribute);
  if ('conflict' in outcome) return outcome;
  return { merged: serializeYaml(paragraphForYaml(outcome.merged), 'paragraph', path), warnings: outcome.warnings, before: o, after: outcome.merged };
}
