import { child, children, valueOf, type XmlElement } from './parse-xml-part.js';

/** What a paragraph style says that matters to a draft: a heading level, or list numbering. */
export interface WordStyle {
  name: string;
  basedOn?: string;
  /** 1 for Heading 1 or outline level 0; absent for body text. */
  heading?: number;
  title?: boolean;
  numId?: string;
  ilvl?: number;
}

export type WordStyles = ReadonlyMap<string, WordStyle>;

/**
 * The paragraph styles of styles.xml, each resolved along its `basedOn` chain: UN documents
 * often number paragraphs through a style ("Para 1") rather than on each paragraph, and mark
 * headings by style name ("heading 1") or outline level.
 */
export function readWordStyles(root: XmlElement | undefined): WordStyles {
  const raw = new Map<string, WordStyle>();
  for (const style of children(child(root, 'w:styles'), 'w:style')) {
    if (style.attrs['w:type'] !== 'paragraph') continue;
    const id = style.attrs['w:styleId'];
    if (id === undefined) continue;
    const name = valueOf(style, 'w:name') ?? id;
    const pPr = child(style, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const outline = valueOf(pPr, 'w:outlineLvl');
    const named = /^heading\s*(\d)$/i.exec(name);
    const heading = named ? Number(named[1]) : outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : undefined;
    const numId = valueOf(numPr, 'w:numId');
    const ilvl = valueOf(numPr, 'w:ilvl');
    const basedOn = valueOf(style, 'w:basedOn');
    raw.set(id, {
      name,
      ...(basedOn !== undefined ? { basedOn } : {}),
      ...(heading !== undefined ? { heading } : {}),
      ...(/^(title)$/i.test(name) ? { title: true } : {}),
      ...(numId !== undefined ? { numId } : {}),
      ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
    });
  }
  const resolved = new Map<string, WordStyle>();
  const resolve = (id: string, seen: Set<string>): WordStyle | undefined => {
    const done = resolved.get(id);
    if (done) return done;
    const style = raw.get(id);
    if (!style) return undefined;
    // A style based on itself, directly or not, is Word's mistake to survive, not to loop on.
    const parent = style.basedOn !== undefined && !seen.has(style.basedOn) ? resolve(style.basedOn, new Set([...seen, id])) : undefined;
    const merged: WordStyle = { ...pickInherited(parent), ...style };
    resolved.set(id, merged);
    return merged;
  };
  for (const id of raw.keys()) resolve(id, new Set());
  return resolved;
}

function pickInherited(parent: WordStyle | undefined): Partial<WordStyle> {
  if (!parent) return {};
  return {
    ...(parent.numId !== undefined ? { numId: parent.numId } : {}),
    ...(parent.ilvl !== undefined ? { ilvl: parent.ilvl } : {}),
    ...(parent.heading !== undefined ? { heading: parent.heading } : {}),
  };
}
