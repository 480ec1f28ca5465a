import { diffArrays } from 'diff';
import { sectionName } from '../edit/find-section.js';
import type { OutlineEntry, Section } from '../model/schemas.js';

/** Where a paragraph stands in the outline: its section and the entry before it in its list. */
interface Standing {
  section: string;
  previous: string | undefined;
}

/** Every paragraph address of the outline in reading order, with where it stands. */
function standings(sections: readonly Section[]): Map<string, Standing> {
  const out = new Map<string, Standing>();
  const list = (entries: readonly OutlineEntry[], section: string) => {
    entries.forEach((entry, i) => {
      const before = entries[i - 1];
      if (typeof entry === 'string') out.set(entry, { section, previous: before === undefined ? undefined : typeof before === 'string' ? before : `block "${before.block}"` });
      else for (const option of entry.options) list(option.paragraphs, section);
    });
  };
  const walk = (items: readonly Section[]) =>
    items.forEach((section) => {
      list(section.paragraphs, sectionName(section));
      walk(section.subsections ?? []);
    });
  walk(sections);
  return out;
}

function place(standing: Standing): string {
  return standing.previous === undefined ? `first in ${standing.section}` : `after ${standing.previous} in ${standing.section}`;
}

/** A paragraph the outline gained, lost or moved, and where it now stands. */
export interface ParagraphShift {
  address: string;
  kind: 'added' | 'removed' | 'moved';
  /** `after 61 in section 3b`, `first in section 4`; for a removed paragraph, where it stood. */
  place: string;
}

/**
 * The paragraphs an outline change added, took out or moved. A paragraph counts as moved when it
 * changed section or left the order the others keep (the longest run of paragraphs kept in order
 * stays put), so inserting 61bis moves nothing else.
 */
export function paragraphShifts(before: readonly Section[], after: readonly Section[]): ParagraphShift[] {
  const old = standings(before);
  const now = standings(after);
  const shifts: ParagraphShift[] = [];
  for (const [address, standing] of now) if (!old.has(address)) shifts.push({ address, kind: 'added', place: place(standing) });
  for (const [address, standing] of old) if (!now.has(address)) shifts.push({ address, kind: 'removed', place: place(standing) });
  const kept = (map: Map<string, Standing>, other: Map<string, Standing>) => [...map.keys()].filter((a) => other.has(a));
  const inOrder = new Set(
    diffArrays(kept(old, now), kept(now, old))
      .filter((part) => !part.added && !part.removed)
      .flatMap((part) => part.value),
  );
  for (const [address, standing] of now) {
    const was = old.get(address);
    if (was && (!inOrder.has(address) || was.section !== standing.section)) shifts.push({ address, kind: 'moved', place: place(standing) });
  }
  return shifts;
}

/**
 * What changed in the outline's paragraphs and sections, in a few words each: `61bis added after
 * 61 in section 3b`, `62 moved to after 64 in section 3b`, `section 3c "Cybersecurity" added`,
 * `section 4 retitled "…" → "…"`.
 */
export function outlineDifferences(before: readonly Section[], after: readonly Section[]): string[] {
  const words = { added: 'added', removed: 'taken out of the outline, from', moved: 'moved to' };
  return [...paragraphShifts(before, after).map((s) => `${s.address} ${words[s.kind]} ${s.place}`), ...sectionDifferences(before, after)];
}

/** Sections added, removed or retitled, matched by number (else by title). */
function sectionDifferences(before: readonly Section[], after: readonly Section[]): string[] {
  const flat = (sections: readonly Section[]): Section[] => sections.flatMap((s) => [s, ...flat(s.subsections ?? [])]);
  const key = (s: Section) => s.number ?? `"${s.title ?? ''}"`;
  const old = new Map(flat(before).map((s) => [key(s), s]));
  const now = new Map(flat(after).map((s) => [key(s), s]));
  const parts: string[] = [];
  for (const [k, section] of now) {
    const was = old.get(k);
    if (!was) parts.push(`section ${k}${section.title && section.number !== undefined ? ` "${section.title}"` : ''} added`);
    else if ((was.title ?? '') !== (section.title ?? '')) parts.push(`section ${k} retitled "${was.title ?? ''}" → "${section.title ?? ''}"`);
    const notes = (section.notes?.length ?? 0) - (was?.notes?.length ?? 0);
    if (was && notes !== 0) parts.push(`section ${k}: ${Math.abs(notes)} note${Math.abs(notes) === 1 ? '' : 's'} ${notes > 0 ? 'added' : 'removed'}`);
  }
  for (const k of old.keys()) if (!now.has(k)) parts.push(`section ${k} removed`);
  return parts;
}
