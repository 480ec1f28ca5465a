import { outlineAddresses } from '../model/outline.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { DraftMeta, Paragraph, Section } from '../model/schemas.js';
import type { Attribute } from './contributors.js';
import { insertAfter, keepBoth } from './keep-both.js';
import { sameValue } from './three-way.js';

/** A whole draft as a merge reads it: its outline, each paragraph file's hash, and a paragraph parsed when asked for. */
export interface DraftVersion {
  /** draft.yaml; a revision's is parsed only when read, and a merge reads it only when both sides changed theirs. */
  readonly meta: DraftMeta;
  /** The hash of draft.yaml's bytes. */
  draftHash: string;
  hashes: ReadonlyMap<string, string>;
  paragraph(address: string): Paragraph;
  /**
   * Makes `meta` and `paragraph()` ready to read what a merge will ask of this version as its base
   * (`baseReads`): a revision loads the YAML parser only when its object cache lacks some of that.
   */
  prepare?(reads: BaseReads): Promise<void>;
}

/** What a merge reads of the base: where both copies changed draft.yaml or a paragraph, each their own way. */
export interface BaseReads {
  meta: boolean;
  paragraphs: string[];
}

export interface DraftMerge {
  /** What changes in ours: a paragraph merged or added (`before` null) or removed (`after` null). */
  changes: { address: string; before: Paragraph | null; after: Paragraph | null }[];
  meta: DraftMeta;
  warnings: string[];
  conflicts: string[];
}

/**
 * What `mergeDrafts` will read of the base, found from the hashes alone, so that the base is
 * `prepare`d for just that. Two copies of which one never changed a file (the usual case: all
 * but a few paragraphs) need nothing of the base there.
 */
function baseReads(base: DraftVersion, ours: DraftVersion, theirs: DraftVersion): BaseReads {
  const paragraphs: string[] = [];
  for (const [address, b] of base.hashes) {
    const [o, t] = [ours.hashes.get(address), theirs.hashes.get(address)];
    if (changedOnBothSides(b, o, t)) paragraphs.push(address);
  }
  return { meta: base.draftHash !== theirs.draftHash && base.draftHash !== ours.draftHash, paragraphs };
}

/** Both copies hold the paragraph and changed it from the base, each differently: the merge reads all three. */
function changedOnBothSides(b: string | undefined, o: string | undefined, t: string | undefined): boolean {
  return o !== undefined && t !== undefined && o !== t && b !== o && b !== t;
}

/**
 * The three-way merge of two copies of a draft (`reconcile`): paragraph by paragraph as the git
 * driver merges each file (a file unchanged on one side is not even parsed), draft.yaml as it
 * does, and what only the whole draft can settle: two paragraphs added under one address are
 * both kept, and a paragraph one side removed but the other changed stays, listed again.
 *
 * The merges of a file both sides changed (and the schemas they check their results with: zod,
 * ~70 ms to load) are loaded only when there is one: most paragraphs changed on one side only.
 */
export async function mergeDrafts(base: DraftVersion, ours: DraftVersion, theirs: DraftVersion, attribute: Attribute): Promise<DraftMerge> {
  await base.prepare?.(baseReads(base, ours, theirs));
  const result: DraftMerge = { changes: [], meta: ours.meta, warnings: [], conflicts: [] };
  const outline =
    base.draftHash === theirs.draftHash
      ? { merged: ours.meta, warnings: [] }
      : base.draftHash === ours.draftHash
        ? { merged: theirs.meta, warnings: [] }
        : (await import('./merge-outline.js')).mergeOutline(base.meta, ours.meta, theirs.meta);
  if ('conflict' in outline) result.conflicts.push(outline.conflict);
  else {
    result.meta = outline.merged;
    result.warnings.push(...outline.warnings);
  }
  const kept: { address: string; from: DraftMeta }[] = [];
  const bothAdded: { ours: Paragraph; theirs: Paragraph }[] = [];
  const addresses = new Set([...ours.hashes.keys(), ...theirs.hashes.keys(), ...base.hashes.keys()]);
  for (const address of addresses) {
    const [b, o, t] = [base.hashes.get(address), ours.hashes.get(address), theirs.hashes.get(address)];
    if (o === t || b === t) continue;
    if (o !== undefined && t !== undefined) {
      if (!changedOnBothSides(b, o, t)) {
        result.changes.push({ address, before: ours.paragraph(address), after: theirs.paragraph(address) });
        continue;
      }
      const { mergeParagraph } = await import('./merge-paragraph.js');
      const merged = mergeParagraph(b === undefined ? undefined : base.paragraph(address), ours.paragraph(address), theirs.paragraph(address), attribute);
      if (!('conflict' in merged)) {
        if (!sameValue(merged.merged, ours.paragraph(address))) result.changes.push({ address, before: ours.paragraph(address), after: merged.merged });
        result.warnings.push(...merged.warnings);
      } else if (b === undefined) bothAdded.push({ ours: ours.paragraph(address), theirs: theirs.paragraph(address) });
      else result.conflicts.push(merged.conflict);
    } else if (t !== undefined) {
      // Theirs added it, or changed it where ours removed it: kept either way.
      result.changes.push({ address, before: null, after: theirs.paragraph(address) });
      if (b !== undefined) {
        result.warnings.push(`paragraph ${paragraphName(theirs.paragraph(address))}: removed in ours but changed in theirs: kept, with that change`);
        kept.push({ address, from: theirs.meta });
      }
    } else if (o !== undefined && b !== undefined) {
      if (b === o) result.changes.push({ address, before: ours.paragraph(address), after: null });
      else {
        result.warnings.push(`paragraph ${paragraphName(ours.paragraph(address))}: removed in theirs but changed in ours: kept, with that change`);
        kept.push({ address, from: ours.meta });
      }
    }
  }
  if (result.conflicts.length > 0) return result;
  for (const { address, from } of kept) result.meta = listedAgain(result.meta, address, from);
  const files = new Set([...ours.hashes.keys()]);
  for (const change of result.changes) (change.after === null ? files.delete(change.address) : files.add(change.address));
  for (const added of bothAdded) {
    const both = keepBoth(result.meta, added.ours, added.theirs, (address) => files.has(address) || [...files].some((a) => a.toLowerCase() === address.toLowerCase()));
    result.meta = both.meta;
    files.add(both.paragraph.address);
    result.changes.push({ address: both.paragraph.address, before: null, after: both.paragraph });
    result.warnings.push(both.warning);
  }
  const listed = new Set(outlineAddresses(result.meta.sections));
  const unlisted = [...files].filter((a) => !listed.has(a));
  const missing = [...listed].filter((a) => !files.has(a));
  if (unlisted.length > 0 || missing.length > 0) {
    result.conflicts.push(`draft.yaml: merged, its outline would not match the paragraphs (${[...unlisted.map((a) => `${a} not listed`), ...missing.map((a) => `${a} listed but removed`)].join(', ')})`);
  }
  return result;
}

/** A paragraph one side removed and the other changed comes back where the changing side lists it. */
function listedAgain(meta: DraftMeta, address: string, from: DraftMeta): DraftMeta {
  if (outlineAddresses(meta.sections).includes(address)) return meta;
  const order = outlineAddresses(from.sections);
  const present = new Set(outlineAddresses(meta.sections));
  const before = order.slice(0, order.indexOf(address)).reverse().find((a) => present.has(a));
  const sections: Section[] = structuredClone(meta.sections);
  if (before === undefined || !insertAfter(sections, before, address)) {
    const first = sections[0];
    if (first) first.paragraphs.unshift(address);
  }
  return { ...meta, sections };
}
