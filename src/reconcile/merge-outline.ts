import { outlineAddresses } from '../model/outline.js';
import { draftSchema, type DraftMeta, type OutlineEntry, type Section } from '../model/schemas.js';
import { CannotRepresent, MergeContext, type MergeOutcome } from './merge-context.js';
import { align, keptUnlessUnchanged, mergeNotes } from './merge-lists.js';
import { pickThreeWay, sameValue } from './three-way.js';

/**
 * The three-way merge of draft.yaml: its fields, its notes, and its outline section by section
 * (matched by number, else title), each section's paragraphs as a list of addresses: a paragraph
 * one side added, moved or removed is added, moved or removed, wherever the other side made its
 * own changes. A field both sides changed differently (two new titles) cannot be represented.
 */
export function mergeOutline(base: DraftMeta, ours: DraftMeta, theirs: DraftMeta): MergeOutcome<DraftMeta> {
  if (sameValue(ours, theirs) || sameValue(base, theirs)) return { merged: ours, warnings: [] };
  if (sameValue(base, ours)) return { merged: theirs, warnings: [] };
  const ctx = new MergeContext('draft.yaml', '', () => ({ author: '' }), undefined);
  try {
    const merged: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)]) as Set<keyof DraftMeta>) {
      if (key === 'sections' || key === 'notes') continue;
      const picked = pickThreeWay(base[key], ours[key], theirs[key]);
      const value = picked.agreed ? picked.value : ctx.fail(`both copies changed its ${key}, differently (ours ${JSON.stringify(ours[key])}, theirs ${JSON.stringify(theirs[key])})`);
      if (value !== undefined) merged[key] = value;
    }
    merged.sections = mergeSections(ctx, base.sections, ours.sections, theirs.sections);
    const notes = mergeNotes(ctx, base.notes, ours.notes, theirs.notes);
    if (notes !== undefined) merged.notes = notes;
    const meta = { title: ours.title, ...merged } as DraftMeta;
    const listed = outlineAddresses(meta.sections);
    const twice = listed.filter((address, i) => listed.indexOf(address) !== i);
    if (twice.length > 0) ctx.fail(`paragraph ${twice.join(', ')} would be listed twice: the copies moved ${twice.length === 1 ? 'it' : 'them'} to different places`);
    const checked = draftSchema.safeParse(meta);
    if (!checked.success) ctx.fail(`merged, it would not match the schema (${checked.error.issues[0]?.message})`);
    return { merged: meta, warnings: ctx.warnings.map((w) => w()) };
  } catch (error) {
    if (error instanceof CannotRepresent) return { conflict: error.message };
    throw error;
  }
}

function mergeSections(ctx: MergeContext, base: readonly Section[], ours: readonly Section[], theirs: readonly Section[]): Section[] {
  const merged: Section[] = [];
  const keyOf = (s: Section) => s.number ?? s.title ?? '';
  for (const { base: b, ours: o, theirs: t } of align(ctx, base, ours, theirs, keyOf, 'sections')) {
    if (b && o && t) merged.push(mergeSection(ctx, b, o, t));
    else if (o && t) {
      merged.push(o);
      if (!sameValue(o, t)) {
        merged.push(t);
        ctx.warn(`both copies added a section ${keyOf(o)}: both are kept`);
      }
    } else if (b) keptUnlessUnchanged(ctx, b, o, t, `section ${keyOf(b)}`, merged);
    else merged.push((o ?? t) as Section);
  }
  return merged;
}

function mergeSection(ctx: MergeContext, b: Section, o: Section, t: Section): Section {
  const section: Section = { paragraphs: mergeEntries(ctx, b.paragraphs, o.paragraphs, t.paragraphs, b.number ?? b.title ?? '') };
  for (const key of ['number', 'label', 'title'] as const) {
    const picked = pickThreeWay(b[key], o[key], t[key]);
    const value = picked.agreed ? picked.value : ctx.fail(`both copies changed the ${key} of section ${b.number ?? b.title}, differently`);
    if (value !== undefined) section[key] = value;
  }
  if (b.subsections !== undefined || o.subsections !== undefined || t.subsections !== undefined) {
    section.subsections = mergeSections(ctx, b.subsections ?? [], o.subsections ?? [], t.subsections ?? []);
  }
  const notes = mergeNotes(ctx, b.notes, o.notes, t.notes);
  if (notes !== undefined) section.notes = notes;
  // The order the schema gives, so that the file reads as ndraft writes it.
  const { number, label, title, paragraphs, subsections, notes: n } = section;
  return { ...(number !== undefined ? { number } : {}), ...(label !== undefined ? { label } : {}), ...(title !== undefined ? { title } : {}), paragraphs, ...(subsections ? { subsections } : {}), ...(n ? { notes: n } : {}) };
}

/** A section's paragraphs: addresses, and option blocks by name (a block both sides changed differently is a conflict). */
function mergeEntries(ctx: MergeContext, base: readonly OutlineEntry[], ours: readonly OutlineEntry[], theirs: readonly OutlineEntry[], section: string): OutlineEntry[] {
  const merged: OutlineEntry[] = [];
  const keyOf = (e: OutlineEntry) => (typeof e === 'string' ? e : `block ${e.block}`);
  for (const { base: b, ours: o, theirs: t, key } of align(ctx, base, ours, theirs, keyOf, `paragraphs of section ${section}`)) {
    if (b && o && t) {
      const picked = pickThreeWay(b, o, t);
      merged.push(picked.agreed ? picked.value : ctx.fail(`both copies changed option ${key} differently`));
    } else if (o && t) {
      if (!sameValue(o, t)) ctx.fail(`both copies added option ${key}, differently`);
      merged.push(o);
    } else if (b) keptUnlessUnchanged(ctx, b, o, t, keyOf(b), merged);
    else merged.push((o ?? t) as OutlineEntry);
  }
  return merged;
}
