import type { Note, OutlineEntry, Section } from '../model/schemas.js';

/** The outline with each paragraph address replaced as `addresses` says (option blocks and subsections included). */
export function remapOutline(sections: readonly Section[], addresses: ReadonlyMap<string, string>): Section[] {
  const entries = (list: readonly OutlineEntry[]): OutlineEntry[] =>
    list.map((entry) => (typeof entry === 'string' ? (addresses.get(entry) ?? entry) : { ...entry, options: entry.options.map((option) => ({ ...option, paragraphs: entries(option.paragraphs) })) }));
  return sections.map((section) => {
    const next: Section = { ...section, paragraphs: entries(section.paragraphs) };
    if (section.subsections !== undefined) next.subsections = remapOutline(section.subsections, addresses);
    return next;
  });
}

/**
 * The later text's sections, each with the notes a person signed on the draft's section of the
 * same number (or, unnumbered, the same title): `ndraft section note` survives a new revision.
 */
export function carrySectionNotes(sections: readonly Section[], before: readonly Section[]): Section[] {
  const signed = new Map<string, Note[]>();
  const keyOf = (section: Section) => (section.number !== undefined ? `#${section.number}` : `"${section.title ?? ''}`);
  const collect = (list: readonly Section[]) => {
    for (const section of list) {
      const notes = (section.notes ?? []).filter((note) => note.author !== undefined);
      if (notes.length > 0) signed.set(keyOf(section), notes);
      collect(section.subsections ?? []);
    }
  };
  collect(before);
  if (signed.size === 0) return [...sections];
  const carry = (list: readonly Section[]): Section[] =>
    list.map((section) => {
      const next: Section = { ...section };
      const notes = signed.get(keyOf(section))?.filter((note) => !(section.notes ?? []).some((n) => n.text === note.text)) ?? [];
      if (notes.length > 0) next.notes = [...(section.notes ?? []), ...notes];
      if (section.subsections !== undefined) next.subsections = carry(section.subsections);
      return next;
    });
  return carry(sections);
}
