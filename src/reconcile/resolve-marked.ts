import type { DraftMeta, HistoryEntry, Paragraph } from '../model/schemas.js';
import { PARAGRAPHS_DIR, paragraphFileName } from '../store/paragraph-file-name.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from '../store/serialize.js';
import type { Parsers } from '../store/yaml-parser.js';
import { splitConflict } from './conflict-markers.js';
import type { Attribute } from './contributors.js';
import { keepBoth } from './keep-both.js';
import { draftFileKind, mergeDraftFile } from './merge-file.js';

/** A file of the draft holding git's conflict markers, and its base where one was found besides the markers. */
export interface MarkedFile {
  /** Relative to the draft folder: `paragraphs/061.yaml`, `draft.yaml`. */
  path: string;
  text: string;
  /** The common version, from git's index or the latest revision, when the markers do not show it (diff3 style does). */
  base?: string;
  attribute: Attribute;
}

export interface ResolvedFiles {
  /** The files to write, relative to the draft. */
  writes: Map<string, string>;
  changes: HistoryEntry['changes'];
  outline?: { before: DraftMeta; after: DraftMeta };
  warnings: string[];
  /** What could not be represented, file by file: nothing is written then. */
  conflicts: string[];
}

/**
 * `resolve-conflicts`' core: each marked file split into its sides and merged by the merge
 * driver's own code (`mergeDraftFile`), draft.yaml first, so that two paragraphs added under one
 * address (which the driver had to leave as a conflict) are both kept, the second listed in the
 * merged outline. `meta` is draft.yaml as it reads when it holds no markers.
 */
export function resolveMarked(files: readonly MarkedFile[], meta: DraftMeta | undefined, parsers: Parsers, taken: (address: string) => boolean): ResolvedFiles {
  const result: ResolvedFiles = { writes: new Map(), changes: [], warnings: [], conflicts: [] };
  let outline = meta;
  const bothAdded: { ours: Paragraph; theirs: Paragraph }[] = [];
  const ordered = [...files].sort((a, b) => Number(draftFileKind(b.path) === 'draft') - Number(draftFileKind(a.path) === 'draft'));
  for (const file of ordered) {
    const sides = splitConflict(file.text);
    if (!sides) {
      result.conflicts.push(`${file.path}: its conflict markers do not pair up (<<<<<<<, =======, >>>>>>>); edit it by hand`);
      continue;
    }
    const base = sides.base ?? file.base;
    const outcome = mergeDraftFile(file.path, { base: base === undefined || base.trim() === '' ? undefined : base, ours: sides.ours, theirs: sides.theirs }, parsers, file.attribute);
    if ('conflict' in outcome) result.conflicts.push(`${file.path}: ${outcome.conflict}`);
    else if ('bothAdded' in outcome) bothAdded.push(outcome.bothAdded);
    else {
      result.writes.set(file.path, outcome.merged);
      result.warnings.push(...outcome.warnings.map((w) => `${file.path}: ${w}`));
      const { before, after } = outcome;
      if (draftFileKind(file.path) === 'draft') {
        outline = after as DraftMeta;
        result.outline = { before: before as DraftMeta, after: outline };
      } else if (after) result.changes.push({ paragraph: (after as Paragraph).address, before: before as Paragraph, after: after as Paragraph });
    }
  }
  if (bothAdded.length > 0 && outline === undefined) {
    result.conflicts.push('draft.yaml does not read, so the paragraphs both copies added cannot be listed in it; fix it first');
    return result;
  }
  for (const { ours, theirs } of bothAdded) {
    const before = outline as DraftMeta;
    const kept = keepBoth(before, ours, theirs, (address) => taken(address) || result.writes.has(`${PARAGRAPHS_DIR}/${paragraphFileName(address)}`));
    outline = kept.meta;
    result.outline = { before: result.outline?.before ?? before, after: outline };
    result.writes.set(`${PARAGRAPHS_DIR}/${paragraphFileName(ours.address)}`, serializeYaml(paragraphForYaml(ours), 'paragraph', paragraphFileName(ours.address)));
    result.writes.set(`${PARAGRAPHS_DIR}/${paragraphFileName(kept.paragraph.address)}`, serializeYaml(paragraphForYaml(kept.paragraph), 'paragraph', paragraphFileName(kept.paragraph.address)));
    result.changes.push({ paragraph: kept.paragraph.address, before: null, after: kept.paragraph });
    result.warnings.push(kept.warning);
  }
  if (result.outline) result.writes.set('draft.yaml', serializeYaml(draftMetaForYaml(result.outline.after), 'draft', 'draft.yaml'));
  return result;
}
