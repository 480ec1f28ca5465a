import type { Conventions } from '../model/conventions-schema.js';
import { LATIN_SUFFIXES } from './option-labels.js';

/**
 * The importer's vocabulary as compiled patterns: the labels that open articles, divisions,
 * option blocks and alternatives, and the status markers. Built once per import from a
 * negotiation's conventions (`import --conventions`), whose words are added to ndraft's own;
 * without any, the patterns are exactly ndraft's defaults, compiled once for the process.
 */
export interface Vocabulary {
  division: RegExp;
  article: RegExp;
  option: RegExp;
  alternative: RegExp;
  /** A status marker at the end of a text, before or after its last punctuation. Groups 1–3: ndraft's own; 4–6: the conventions' agreed, ad ref and deleted. */
  marker: RegExp;
  /** The same markers first in a text, before its words (`(Agreed) Decides …`). */
  leadingMarker: RegExp;
  /** The conventions' own markers alone, when there are some: a text ending in one is not a heading's title. */
  ownMarker?: RegExp;
}

const SUFFIXES = LATIN_SUFFIXES;

export function compileConventions(conventions?: Conventions): Vocabulary {
  if (conventions === undefined) return DEFAULT_VOCABULARY;
  return compile(conventions);
}

function compile(c: Conventions): Vocabulary {
  const option = words(['Option', 'OPTION'], c.optionWords);
  // `PART II`, `Part 2: Title`, `Chapter IV`, `SECTION 3 – Title`, `Annex I`: divisions above articles.
  const division = new RegExp(`^(${words(['Part', 'PART', 'Chapter', 'CHAPTER', 'Section', 'SECTION', 'Annex', 'ANNEX'], c.divisionWords)})\\s+([0-9]{1,3}[A-Za-z]?|[IVXLC]{1,7}|[A-Z])\\b\\s*[:.–—-]?\\s*(.*)$`);
  // `Article 3`, `ARTICLE 3 (Mitigation)`, `Article 2bis`, `Article QQ.A.2bis: {Principles}`
  // `Article 3 bis`: a spaced suffix is part of the number.
  const article = new RegExp(`^(\\[)?\\s*(${words(['Article', 'ARTICLE'], c.articleWords)})\\s+([0-9A-Z][0-9A-Za-z.–-]*?(?: (?:${SUFFIXES}))?)(\\])?\\s*[:.]?(?:\\s+|$)`);
  // `Option 1:`, `Option (a):`, `Option I`, `Option A`, `Option 2 {title}`, `Option 2{title}`
  // `Option 1:`, `Option (a).`, `Option 2 {Title}:`, `Option I (paras 6-9bis):` (a title in parentheses needs its colon).
  const optionLine = new RegExp(`^(\\[)?\\s*(${option})\\s+(\\(?(?:\\d{1,2}(?: ?(?:${SUFFIXES})\\b|[A-Za-z]?)|[A-Za-z]|[IVXLC]{1,5})\\)?)(?=[\\s:.{]|$)\\s*(?:\\(([^()]*)\\)\\s*:|[:.]{0,2}\\s*(?:\\{([^{}]*)\\}\\s*[:.]?)?)\\s*`);
  // `[Alt 1 61.`, `[Alt 71g1)`, `Alt. 2:`, `Alternative 3`, `ALT 3.`, and ndraft's own `[Option 2 5.`
  const altWords = words(['Alt\\.?', 'ALT\\.?', 'Alternative', 'ALTERNATIVE'], [...(c.alternativeWords ?? []), ...(c.optionWords ?? [])], true);
  const alternative = new RegExp(
    `^(\\[)?\\s*((?:${altWords}|${option})(?:\\s*(\\d+[a-z]*\\d*\\b|\\([A-Za-z0-9]{1,4}\\)|[A-Z]\\b|[IVXLC]{1,5}\\b))?)` +
      `(\\s*[):.])?(?:\\s+(\\d{1,5}(?:\\.\\d{1,2})?(?:\\s*(?:${SUFFIXES}))?)\\.?)?(?:\\s+|$)`,
  );
  const lists = [c.agreedMarkers, c.adRefMarkers, c.deletedMarkers];
  // Groups 1 to 3 are ndraft's own markers; 4, 5 and 6 the conventions' agreed, ad ref and deleted (a group that can never match where a list is empty).
  const extra = lists.some((l) => l && l.length > 0) ? lists.map((l) => `|(${l && l.length > 0 ? l.map(markerPattern).join('|') : '(?!)'})`).join('') : '';
  // `(Agreed ad referendum)` spelled out, `(Agreed in informals)` too.
  const markers = `\\((agreed ad ref(?:erendum|\\.)?|agreed(?: (?:at|in) informals?)?|deleted)\\)|\\[(agreed ad ref(?:erendum|\\.)?)\\]|(?<![\\p{L}])(agreed ad ref(?:erendum|\\.)?)${extra}`;
  // At the end, before the paragraph's last punctuation or after it (`… session (Agreed ad ref);`).
  const marker = new RegExp(`\\s*(?:${markers})\\s*[.;,:]?\\s*$`, 'iu');
  // Or first, just after the paragraph's number (`OP4 (Agreed) Decides …`).
  const leadingMarker = new RegExp(`^\\s*(?:${markers})\\s+(?=\\S)`, 'iu');
  const own = lists.flatMap((l) => l ?? []);
  const ownMarker = own.length > 0 ? new RegExp(`(?:${own.map(markerPattern).join('|')})\\s*$`, 'iu') : undefined;
  return { division, article, option: optionLine, alternative, marker, leadingMarker, ...(ownMarker ? { ownMarker } : {}) };
}

/** An alternation of ndraft's words (already patterns) and the conventions' (escaped, also in capitals). */
function words(defaults: string[], added: readonly string[] | undefined, defaultsArePatterns = false): string {
  const own = defaultsArePatterns ? defaults : defaults.map(escape);
  const extra = (added ?? []).flatMap((w) => [w, w.toUpperCase()]).map(escape);
  return [...new Set([...own, ...extra])].join('|');
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** A marker as written, any case; one that starts with a letter must not end a longer word. */
function markerPattern(marker: string): string {
  return `${/^\p{L}/u.test(marker) ? '(?<![\\p{L}])' : ''}${escape(marker)}`;
}

export const DEFAULT_VOCABULARY: Vocabulary = compile({});
