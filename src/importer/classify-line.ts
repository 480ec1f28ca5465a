import { attributionLabel, attributionPrefix } from '../model/attribution.js';
import { DEFAULT_VOCABULARY, type Vocabulary } from './compile-conventions.js';
import { LATIN_SUFFIXES, optionKey, type OptionKey } from './option-labels.js';

/**
 * What one line of a plain-text draft starts: the importer's vocabulary. Each pattern is a
 * convention of negotiation drafts; a line that matches none continues whatever came before or
 * starts an unnumbered paragraph (`group-blocks.ts` decides which).
 */
export type LineKind =
  | { kind: 'blank' }
  | { kind: 'rule' }
  | { kind: 'section-number'; number: string; title: string; forced?: boolean }
  | { kind: 'subsection'; number: string; marker: string; title: string }
  | { kind: 'article'; number: string; marker: string; title: string; named?: string; bracketed: boolean; rest: string; restColumn: number }
  | { kind: 'division'; number: string; marker: string; title: string; decision?: true }
  | { kind: 'caps-heading'; title: string }
  | { kind: 'editorial'; text: string; note?: true }
  | { kind: 'option'; label: string; key: OptionKey; title?: string; through?: string; anchor?: string; bracketed: boolean; rest: string; restColumn: number }
  | { kind: 'paragraph'; number: string; numeral: number; bracketed: boolean; bare: boolean; rest: string; restColumn: number; attribution?: string }
  | { kind: 'alternative'; label: string; bracketed: boolean; ref?: string; itemRef?: string; rest: string; restColumn: number }
  | { kind: 'item'; label: string; bracketed: boolean; rest: string; restColumn: number }
  | { kind: 'text'; rest: string; restColumn: number };

const SUFFIXES = LATIN_SUFFIXES;
// `12.`, `12 bis.`, `5A.`, `(TT)4.`, `PP3.`, `OP 3.`, `[5][3].`; `3.1`, `35.1` and `3.2.1` (decimal sub-paragraphs) need no period.
const PARAGRAPH = new RegExp(
  `^(\\[)?\\s*((?:\\([A-Z]{1,4}\\)\\s*)?(?:[PO]P\\s?)?(\\d{1,5})[A-Za-z]?(?:\\s*(?:${SUFFIXES}))?|\\[\\d{1,4}\\]\\[\\d{1,4}\\])\\s*\\.(?:\\s+|$)`,
  'i',
);
// `PP1 Recalling …`, `OP 2 Requests …`, `PP2bis …`: UN resolutions number their preambular and
// operative paragraphs so, often without a period; the capitals say it is a number.
const DECISION = /^((?:Draft\s+)?[Dd]ecision)\s+((?:\d{1,3}|[-–]|\[-\]|X{1,3})\/[A-Z]{2,4}(?:-[A-Z]{2,4})?\.\s?\d{1,3})(?:\s*[:–—-]?\s+(\S.*))?$/;
const ALT_AFTER_NUMBER = new RegExp(`^(\\[)?\\s*((?:PP|OP|Pp|Op)?\\s?\\d{1,5}(?:\\s*(?:${SUFFIXES}))?)\\.?\\s*\\(?(?:alt|Alt|ALT)\\.?\\s*(\\d{1,2})?\\)?[.:]?(?:\\s+|$)`);
// `37. ter A clear process …`: the period before the suffix, as the ADP's Geneva text prints some.
const SUFFIX_AFTER_PERIOD = new RegExp(`^(\\[)?\\s*((\\d{1,5})\\.\\s?(?:${SUFFIXES}))(?:\\s+|$)`);
const PREAMBULAR_OPERATIVE = new RegExp(`^(\\[)?\\s*((?:PP|OP|Pp|Op)\\s?(\\d{1,4})(?:\\s*(?:${SUFFIXES}))?)\\s*[.:]?(?:\\s+|$)`);
const DECIMAL = /^(\[)?\s*((\d{1,3})(?:\.\d{1,2}){1,3})(?:\.)?(?:\s+|$)(?=$|[[“"‘(\p{Lu}]|Option)/u;
// A number without its period (`1 Member States …`), as some PDF copies print them: accepted only in sequence.
const BARE = /^(\d{1,2})\s+(?=[[“"\p{Lu}])/u;
const SECTION = /^(\d{1,2}|[IVXLC]{1,6}|[A-Z])\.(?:\s+(.*))?$/;
const SUBSECTION = /^(\d{1,2}[a-z])\)(?:\s+(.*))?$/;
// Articles, divisions, options and alternatives: their words come from the conventions (`compile-conventions.ts`).
// `a)`, `(a)`, `(iv)`, `a.`, `iv.`, `(b)where` (no space), bullets, and Word's lost bullets (`o` + tab, U+F0B7).
const ITEM = /^(\[)?\s*(\(?(?:[a-z]{1,2}|[ivx]{1,5})\)|(?:[a-z]|[ivx]{1,5})\.|[·•▪◦\uf0b7]|o(?=\t))(?:\s+|$|(?<=\))(?=[a-z]))/;
const RULE = /^[_=*\-–—]{3,}$/;
const EDITORIAL = /^\{[^{}]+\}\s*\d{0,3}$/;
const NOTE_LINE = /^\[?\s*(?:(?:co-?)?(?:chair(?:person)?|facilitator|president|rapporteur|editor|secretariat|negotiator)s?['’]?s?\s+note|note(?:\s+(?:by|from)\s+the\s+[\p{L} -]{2,40})?|editorial\s+note|N\.?B\.?)\s*:/iu;

/**
 * A line that a Word heading style marks as a heading: a numbered section, subsection, article or
 * division when its words say which, otherwise a heading by its words alone, whatever they look like.
 */
export function classifyHeading(raw: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): LineKind {
  const kind = classifyLine(raw, vocabulary);
  if (kind.kind === 'section-number') return { ...kind, forced: true };
  // `Article 3 Mitigation` in a heading style: the words after the number are its title, not its text.
  if (kind.kind === 'article' && kind.title === '' && kind.rest !== '') return { ...kind, title: kind.rest.trim(), rest: '' };
  if (kind.kind === 'subsection' || kind.kind === 'division' || kind.kind === 'article' || kind.kind === 'blank') return kind;
  const numbered = /^(\d{1,2}|[IVXLC]{1,6}|[A-Z])\.\s+(.*)$/.exec(raw.trim());
  if (numbered) return { kind: 'section-number', number: numbered[1] as string, title: (numbered[2] as string).trim(), forced: true };
  return { kind: 'caps-heading', title: raw.trim() };
}

export function classifyLine(raw: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): LineKind {
  const text = raw.trimEnd();
  const indent = text.length - text.trimStart().length;
  const t = text.trimStart();
  if (t === '') return { kind: 'blank' };
  // `\Option 1: …`: ndraft's export escapes a text that would read as structure on its line.
  if (t.startsWith('\\')) return { kind: 'text', rest: t.slice(1), restColumn: indent + 2 };
  if (RULE.test(t)) return { kind: 'rule' };
  if (EDITORIAL.test(t)) return { kind: 'editorial', text: t };
  // `[Facilitators’ note: …]`, `Chair’s note: …`, `Note by the secretariat: …`: said about the text, never negotiated.
  if (NOTE_LINE.test(t) && (!t.startsWith('[') || /\]$/.test(t))) return { kind: 'editorial', text: t, note: true };

  const sub = SUBSECTION.exec(t);
  if (sub) return { kind: 'subsection', number: sub[1] as string, marker: `${sub[1]})`, title: (sub[2] ?? '').trim() };

  // `Decision 2/CP.20`, `Draft decision -/CMA.1`: a COP decision's heading, its title on the next line or after it.
  const decision = DECISION.exec(t);
  // With its title on the same line (as ndraft's export writes it), where that reads as one.
  if (decision && (decision[3] === undefined || isTitleShaped(decision[3], vocabulary, 250))) {
    return { kind: 'division', number: decision[2] as string, marker: `${decision[1]} ${decision[2]}`, title: decision[3]?.trim() ?? '', decision: true };
  }

  const division = vocabulary.division.exec(t);
  if (division && (division[3] === '' || isTitleShaped(division[3] as string, vocabulary)) && !/[.;,]$/.test(t)) {
    return { kind: 'division', number: division[2] as string, marker: `${division[1]} ${division[2]}`, title: (division[3] as string).trim() };
  }

  const article = vocabulary.article.exec(t);
  // `Article 20 of the TRIPS Agreement, each Party …`: a sentence (often a wrapped line) that
  // cites an article goes on in lower case; a heading does not.
  const cites = article !== null && /^\p{Ll}/u.test(t.slice(article[0].length)) && !/[.:]\s*$/.test(article[0]);
  if (article && !cites && (article[4] === undefined || article[1] === '[')) {
    const after = t.slice(article[0].length);
    const titled = /^(?:\(([^()]*)\)|\{([^{}]*)\})\s*\d{0,3}\s*/.exec(after);
    // `Article 1. Use of terms`, `Article 2: Objective`, `Article 3 – Principles`: a title after a
    // period, colon or dash, when it is shaped like one (a sentence there is the article's text).
    // Whether it is one or the start of the article's first sentence, only the next line can say (build-outline).
    const dashed = /^[–—-]\s+/.exec(after);
    const named = !titled && (/[.:]\s*$/.test(article[0]) || dashed) ? after.slice(dashed?.[0].length ?? 0).trim() : '';
    const title = titled ? (titled[1] ?? titled[2] ?? '').trim() : '';
    const rest = titled ? after.slice(titled[0].length) : after;
    return {
      kind: 'article',
      number: article[3] as string,
      // `[Article 3bis] (REDD-plus)`: the heading alone in brackets, the article contested; its label keeps them.
      marker: `${article[2]} ${article[3]}${article[4] ?? ''}`,
      title,
      ...(isArticleTitle(named, vocabulary) ? { named } : {}),
      bracketed: article[1] === '[',
      rest,
      restColumn: indent + t.length - rest.length + 1,
    };
  }

  const option = optionLine(t, indent, vocabulary);
  if (option) return option;

  const alt = vocabulary.alternative.exec(t);
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

  const prefix = attributionPrefix(t);
  const attributed = prefix === undefined ? null : /^(\d{1,3})\.\s+/.exec(t.slice(prefix.length));
  if (prefix !== undefined && attributed) {
    // `[NZ/CA propose: 1. Each Party …`: paragraph 1, its proposers' bracket kept in its text.
    const rest = `${prefix}${t.slice(prefix.length + attributed[0].length)}`;
    const attribution = attributionLabel(prefix);
    return { kind: 'paragraph', number: attributed[1] as string, numeral: Number(attributed[1]), bracketed: false, bare: false, rest, restColumn: indent + 1, attribution };
  }

  // `OP5 alt Decides …`, `10 alt. The Parties …`, `12 (alt 2)`: another wording of that paragraph, as UN resolutions write it.
  const altOf = ALT_AFTER_NUMBER.exec(t);
  if (altOf) {
    return {
      kind: 'alternative',
      label: `Alt${altOf[3] !== undefined ? ` ${altOf[3]}` : ''}`,
      bracketed: altOf[1] === '[',
      ref: (altOf[2] as string).replace(/\s+/g, ' '),
      rest: t.slice(altOf[0].length),
      restColumn: indent + altOf[0].length + 1,
    };
  }

  const para = SUFFIX_AFTER_PERIOD.exec(t) ?? PARAGRAPH.exec(t) ?? PREAMBULAR_OPERATIVE.exec(t) ?? DECIMAL.exec(t);
  if (para) {
    const number = (para[2] as string).replace(/\s+$/, '').replace(/^(\d+)\.\s?(?=\p{L})/u, '$1 ');
    const rest = t.slice(para[0].length);
    const restColumn = indent + para[0].length + 1;
    // `3. Option 1: …`: the paragraph number stands over a block of options.
    const anchored = optionLine(rest, restColumn - 1, vocabulary);
    if (anchored) return { ...anchored, anchor: number, bracketed: para[1] === '[' || anchored.bracketed };
    return { kind: 'paragraph', number, numeral: Number(para[3] ?? /\d+/.exec(number)?.[0] ?? 0), bracketed: para[1] === '[', bare: false, rest, restColumn };
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
  const bare = BARE.exec(t);
  if (bare) {
    return { kind: 'paragraph', number: bare[1] as string, numeral: Number(bare[1]), bracketed: false, bare: true, rest: t.slice(bare[0].length), restColumn: indent + bare[0].length + 1 };
  }
  if (isCapsHeading(t)) return { kind: 'caps-heading', title: t };
  return { kind: 'text', rest: t, restColumn: indent + 1 };
}

function optionLine(t: string, indent: number, vocabulary: Vocabulary): Extract<LineKind, { kind: 'option' }> | undefined {
  const match = vocabulary.option.exec(t);
  if (!match) return undefined;
  let rest = t.slice(match[0].length);
  // ndraft's own export writes alternatives as `[Option 2 5.`: that is an alternative, not a block.
  if (match[1] === '[' && /^\d{1,5}(?:\.\d{1,2})?(?:\s*[a-z]+)?\.?(?:\s|$)/.test(rest)) return undefined;
  const label = `${match[2]} ${match[3]}`;
  let title = match[4] ?? match[5];
  // `Option 2: (paragraphs 3-3quater)`, `Option 1: (paragraph 7) {title}`: the paragraphs the option
  // holds, said before them (UNFCCC); a title, not the option's text, and where the option ends.
  const covers = title === undefined ? COVERS.exec(rest) : null;
  if (covers) {
    title = [covers[1], covers[2]].filter((x) => x !== undefined).join(' ');
    rest = rest.slice(covers[0].length);
  }
  const through = /^(?:paragraphs?|paras?\.?)\s.*?(\d{1,5}\s*[a-z]*)\s*$/i.exec((covers?.[1] ?? title ?? '').trim())?.[1];
  return {
    kind: 'option',
    label,
    key: optionKey(match[3] as string),
    ...(title !== undefined ? { title: title.trim() } : {}),
    ...(through !== undefined ? { through: normaliseNumber(through) } : {}),
    bracketed: match[1] === '[',
    rest,
    restColumn: indent + t.length - rest.length + 1,
  };
}

const COVERS = /^\(((?:paragraphs?|paras?\.?)\s[^()]*)\)\s*[:.]?\s*(?:\{([^{}]*)\}\s*[:.]?)?\s*/i;

/** `USE OF TERMS`, `SCOPE OF [PROTECTION]/[SAFEGUARDING]`: a short line in capitals, brackets allowed. */
function isCapsHeading(t: string): boolean {
  if (t.length > 120 || /[.;,]$/.test(t)) return false;
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && /\p{Lu}{2,}/u.test(letters) && letters !== letters.toLowerCase();
}

/** A printed number as numbers are compared: `3 quater` and `3Quater` are `3quater`. */
export function normaliseNumber(written: string): string {
  return written.replace(/\s+/g, '').toLowerCase();
}

/** A heading title: short, and not a sentence (no closing punctuation, no status marker, no dangling word). */
/**
 * Words after `Article 1.`, `Article 2:` or `Article 3 –` that may be its title: shaped like one,
 * short, and no sentence (no `shall`, `may`, no bracket first). `Each Party shall provide …` is
 * the article's text.
 */
function isArticleTitle(words: string, vocabulary: Vocabulary): boolean {
  return words !== '' && !words.startsWith('[') && words.split(/\s+/).length <= 10 && !MODAL.test(words) && isTitleShaped(words, vocabulary);
}

const MODAL = /\b(?:shall|should|may|must|will|would|can|could|is|are)\b/i;

export function isTitleShaped(text: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY, maxLength = 120): boolean {
  const t = text.trim();
  return (
    t.length > 0 &&
    t.length <= maxLength &&
    !/[.;:,]\]*$/.test(t) &&
    !/\(agreed/i.test(t) &&
    !(vocabulary.ownMarker?.test(t) ?? false) &&
    /^[\p{Lu}\p{Nd}[{]/u.test(t) &&
    /\p{L}{2}/u.test(t) &&
    // A line that stops on "and", "of", "the" is a sentence broken across lines, not a title.
    !/\s(?:and|or|of|the|to|in|on|for|with|by|a|an|that|as|at|from)$/i.test(t)
  );
}
