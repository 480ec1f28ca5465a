/**
 * What one line of a plain-text draft starts: the importer's vocabulary. Each pattern is a
 * convention of UN-style drafts; a line that matches none continues whatever came before.
 */
export type LineKind =
  | { kind: 'blank' }
  | { kind: 'rule' }
  | { kind: 'section-number'; number: string; title: string }
  | { kind: 'subsection'; number: string; marker: string; title: string }
  | { kind: 'paragraph'; number: string; numeral: number; bracketed: boolean; rest: string; restColumn: number }
  | { kind: 'alternative'; label: string; bracketed: boolean; ref?: string; itemRef?: string; rest: string; restColumn: number }
  | { kind: 'item'; label: string; bracketed: boolean; rest: string; restColumn: number }
  | { kind: 'text'; rest: string; restColumn: number };

const SUFFIXES = 'bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies';
const PARAGRAPH = new RegExp(`^(\\[)?\\s*(\\d{1,5})(?:\\s*(${SUFFIXES}))?\\s*\\.(?:\\s+|$)`, 'i');
const SECTION = /^(\d{1,2}|[IVXLC]{1,6}|[A-Z])\.(?:\s+(.*))?$/;
const SUBSECTION = /^(\d{1,2}[a-z])\)(?:\s+(.*))?$/;
// `[Alt 1 61.`, `[Alt 71g1)`, `Alt. 2:`, `Alternative 3`, `Option 1:`
const ALTERNATIVE = new RegExp(
  `^(\\[)?\\s*((?:Alt\\.?|ALT\\.?|Alternative|ALTERNATIVE|Option|OPTION)(?:\\s*(\\d+[a-z]*\\d*|[A-Z])\\b)?)` +
    `(\\s*[):.])?(?:\\s+(\\d{1,5}(?:\\s*(?:${SUFFIXES}))?)\\.)?(?:\\s+|$)`,
);
const ITEM = /^(\[)?\s*(\(?(?:[a-z]{1,2}|[ivx]{1,5})\)|[·•▪◦])(?:\s+|$)/;
const RULE = /^[_=*\-–—]{3,}$/;

export function classifyLine(raw: string): LineKind {
  const text = raw.trimEnd();
  const indent = text.length - text.trimStart().length;
  const t = text.trimStart();
  if (t === '') return { kind: 'blank' };
  if (RULE.test(t)) return { kind: 'rule' };

  const sub = SUBSECTION.exec(t);
  if (sub) return { kind: 'subsection', number: sub[1] as string, marker: `${sub[1]})`, title: (sub[2] ?? '').trim() };

  const alt = ALTERNATIVE.exec(t);
  if (alt && (alt[3] !== undefined || alt[4] !== undefined)) {
    const id = alt[3];
    const itemMatch = id ? /^(\d+)([a-z]+)\d+$/.exec(id) : null;
    return {
      kind: 'alternative',
      label: (alt[2] as string).trim(),
      bracketed: alt[1] === '[',
      ...(alt[5] ? { ref: normaliseNumber(alt[5]) } : itemMatch ? { ref: itemMatch[1] as string } : {}),
      ...(itemMatch ? { itemRef: itemMatch[2] as string } : {}),
      rest: t.slice(alt[0].length),
      restColumn: indent + alt[0].length + 1,
    };
  }

  const para = PARAGRAPH.exec(t);
  if (para) {
    const number = `${para[2]}${(para[3] ?? '').toLowerCase()}`;
    return {
      kind: 'paragraph',
      number,
      numeral: Number(para[2]),
      bracketed: para[1] === '[',
      rest: t.slice(para[0].length),
      restColumn: indent + para[0].length + 1,
    };
  }

  const section = SECTION.exec(t);
  if (section) return { kind: 'section-number', number: section[1] as string, title: (section[2] ?? '').trim() };

  const item = ITEM.exec(t);
  if (item) {
    return {
      kind: 'item',
      label: item[2] as string,
      bracketed: item[1] === '[',
      rest: t.slice(item[0].length),
      restColumn: indent + item[0].length + 1,
    };
  }
  return { kind: 'text', rest: t, restColumn: indent + 1 };
}

function normaliseNumber(written: string): string {
  return written.replace(/\s+/g, '').toLowerCase();
}

/** A heading title: short, and not a sentence (no closing punctuation, no status marker). */
export function isTitleShaped(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 120 && !/[.;:,]$/.test(t) && !/\(agreed/i.test(t) && /^[\p{Lu}\p{Nd}]/u.test(t);
}
