import type { NoteReference, SourceLine } from './source-lines.js';

/**
 * Footnote references in running text are bare digits: glued to a word or a bracket (`goal.3`,
 * `]4[`, `CA5/MX6`, `shall89`), in brackets of their own (`[3]`, `disclosure[ 90]`), or standing
 * apart (`application. 87 [US`). Digits are everywhere in a treaty, so a reference is only looked
 * for where a footnote with that marker exists (on the same page), and:
 * - glued digits count when they follow two or more letters (`QQ1`, not `A1` or `G77`), a closing
 *   bracket, brace or quote, or such a word or bracket and `;` or `:` (`propose;99`, `PE:11`), or
 *   a lower-case word and a period or comma (`goal.3`), but never a document symbol (`CMA.1`,
 *   `QQ.A.1`, `Add.1`, `Rev.2`) or a number (`1.2`),
 *   and are followed by a space, punctuation or the end of the line, never by a letter or digit;
 * - `[3]` counts when the bracket holds nothing but the marker;
 * - digits standing apart count only when there is no glued or bracketed candidate and exactly one
 *   standing-apart candidate, not at the start of a line, not before a period or comma (a
 *   paragraph number, a date), not after a word like "paragraph", "Article" or "on", and not
 *   before a month or a unit ("6 December", "12 months").
 */
export interface ReferenceSpan {
  index: number;
  marker: string;
  start: number;
  end: number;
}

export function findNoteReferences(lines: readonly SourceLine[], markers: readonly string[]): ReferenceSpan[] {
  const spans: ReferenceSpan[] = [];
  for (const marker of markers) {
    const strong: ReferenceSpan[] = [];
    const apart: ReferenceSpan[] = [];
    lines.forEach((line, index) => {
      const glued = gluedToNumber(lines, index, marker);
      if (glued) strong.push(glued);
      for (const m of line.text.matchAll(new RegExp(`(?<!\\d)${marker}(?!\\d)`, 'g'))) {
        const kind = classify(line.text, m.index, marker.length);
        if (kind === 'bracket') strong.push(bracketSpan(line.text, index, marker, m.index));
        else if (kind === 'glued') strong.push({ index, marker, start: m.index, end: m.index + marker.length });
        else if (kind === 'apart') apart.push(apartSpan(line.text, index, marker, m.index));
      }
    });
    const chosen = strong[0] ?? (apart.length === 1 ? apart[0] : undefined);
    if (chosen && !spans.some((s) => s.index === chosen.index && s.start < chosen.end && chosen.start < s.end)) spans.push(chosen);
  }
  return spans;
}

/** Cut the chosen spans out of their lines; the references say where each one was. */
export function removeReferenceSpans(lines: readonly SourceLine[], spans: readonly ReferenceSpan[]): { lines: SourceLine[]; references: NoteReference[] } {
  const out = lines.map((l) => ({ ...l }));
  const ordered = [...spans].sort((a, b) => a.index - b.index || b.start - a.start);
  for (const s of ordered) {
    const line = out[s.index] as SourceLine;
    line.text = line.text.slice(0, s.start) + line.text.slice(s.end);
  }
  const references = [...spans]
    .sort((a, b) => a.index - b.index || a.start - b.start)
    .map((s) => {
      const line = lines[s.index] as SourceLine;
      return { marker: s.marker, line: line.line, column: line.column + s.start };
    });
  return { lines: out, references };
}

const SYMBOL_PART = /(?:^|[^\p{L}])(?:add|rev|corr|amend|suppl|sess|res|dec|misc|inf|vol|no|art|para|paras|sect|ch)\.$/iu;

const NOT_AFTER = /(?:^|\s)(?:paragraphs?|articles?|annex|sections?|chapters?|parts?|pages?|and|or|to|through|of|on|in|by|at|from|until|before|after|than|under|within|per|no\.?)\s*$/i;
const NOT_BEFORE = /^\s*(?:january|february|march|april|may|june|july|august|september|october|november|december|years?|months?|weeks?|days?|hours?|per|percent|%)\b/i;

function classify(text: string, at: number, length: number): 'glued' | 'bracket' | 'apart' | undefined {
  const before = text.slice(0, at);
  const next = text[at + length] ?? '';
  if (/\[\s*$/.test(before) && /^\s*\]/.test(text.slice(at + length))) return 'bracket';
  if (next !== '' && !/[\s.,;:)\]}/[]/.test(next)) return undefined;
  if (/(?:\p{L}{2}|[\]})”"’])[;:]?$/u.test(before)) return 'glued';
  // After a period or comma only a lower-case word (goal.3, all.8, Principles.2), never a
  // document symbol: CMA.1, CP.20, QQ.A.1, Add.1, Rev.2.
  if (/\p{Ll}{2}[.,]$/u.test(before) && !SYMBOL_PART.test(before)) return 'glued';
  if (/\S\s+$/.test(before) && /^(?:\s|$|[[\];:])/.test(next) && !NOT_AFTER.test(before) && !NOT_BEFORE.test(text.slice(at + length))) return 'apart';
  return undefined;
}

/** A paragraph's number at the start of a line, after a delegations' attribution if any: `116.`, `[US/MX propose; BN oppose: 430.`. */
const NUMBERED = /^\s*(?:\[[^\]\n:]{1,80}:\s*)?(\d{1,4})\.(?=\s)/;

/**
 * A footnote marker glued to the paragraph number it follows, as pdftotext prints a superscript
 * there (TPP: `116.` is paragraph 1 with note 16, `430.` paragraph 4 with note 30). Only where
 * the number cut short continues the page's numbering (the paragraph before is one or two less,
 * or a heading came between and it is 1) and the whole number does not: a long decision's real
 * 116 after 115 (or 114) stays 116.
 */
function gluedToNumber(lines: readonly SourceLine[], index: number, marker: string): ReferenceSpan | undefined {
  const text = (lines[index] as SourceLine).text;
  const m = NUMBERED.exec(text);
  const digits = m?.[1];
  if (!m || digits === undefined || digits.length <= marker.length || !digits.endsWith(marker)) return undefined;
  const own = Number(digits.slice(0, -marker.length));
  let before: number | undefined;
  let heading = false;
  for (let k = index - 1; k >= 0 && before === undefined; k--) {
    const previous = (lines[k] as SourceLine).text;
    const n = NUMBERED.exec(previous)?.[1];
    if (n !== undefined) before = Number(n);
    else if (/^\s*(?:\[?\s*Article|ARTICLE|Section|SECTION|\{)/.test(previous)) heading = true;
  }
  // The whole number must be out of the sequence, the number cut short in it (one paragraph may be missed between).
  if (before !== undefined && Number(digits) <= before + 2) return undefined;
  if (!(before !== undefined && own > before && own <= before + 2) && !(own === 1 && (heading || before === undefined))) return undefined;
  const at = m.index + m[0].length - 1 - marker.length;
  return { index, marker, start: at, end: at + marker.length };
}

function bracketSpan(text: string, index: number, marker: string, at: number): ReferenceSpan {
  let start = text.lastIndexOf('[', at);
  const end = text.indexOf(']', at) + 1;
  if (start > 0 && text[start - 1] === ' ' && /^(?:$|[\s.,;:)\]])/.test(text.slice(end))) start--;
  return { index, marker, start, end };
}

function apartSpan(text: string, index: number, marker: string, at: number): ReferenceSpan {
  return { index, marker, start: text[at - 1] === ' ' ? at - 1 : at, end: at + marker.length };
}
