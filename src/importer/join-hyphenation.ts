import type { SourceLine } from './source-lines.js';

/**
 * Words that a PDF broke apart are put back together:
 * - soft hyphens (U+00AD) are removed; at the end of a line they join the word to its rest;
 * - a word broken at the end of a line (`envi-` / `ronment …`) is joined onto the first line, the
 *   next line losing that fragment (and the line itself when nothing else is on it). The hyphen
 *   is dropped (`environment`) unless the hyphenated word is written elsewhere in the text, or the
 *   first part is a prefix that keeps its hyphen (`non-` / `biological` → `non-biological`) and
 *   the joined spelling is not written elsewhere;
 * - within a line, `profit- making` (a hyphen, one space, a lower-case word) becomes
 *   `profit-making`: the space is what the PDF left of a line break. A suspended hyphen is left
 *   alone: when the next word is a conjunction or preposition (`over- or under-inclusive`,
 *   `short- and long-term`) nothing is joined.
 */
export function joinHyphenation(input: readonly SourceLine[]): SourceLine[] {
  const lines = input.map((l) => (l.text.includes('\u00ad') ? { ...l, text: l.text.replace(/\u00ad(?!\s*$)/g, '') } : l));
  let written: Set<string> | undefined;
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    const next = lines[i + 1];
    // Cheap tests first: paragraphs are long single lines, and most end in no hyphen.
    const broken = /[-\u00ad][ \t]*$/.test(line.text) ? /(\p{L}{2,})([-\u00ad])[ \t]*$/u.exec(line.text) : null;
    const rest = next ? /^([ \t]*)(\p{Ll}{2,})(\S*)[ \t]*/u.exec(next.text) : null;
    if (broken && rest && next) {
      const [left, mark] = [broken[1] as string, broken[2] as string];
      const right = rest[2] as string;
      const hyphen = mark === '-' && keepsHyphen(left, right, (written ??= wordsOf(lines.map((l) => l.text).join('\n')))) ? '-' : '';
      out.push({ ...line, text: line.text.slice(0, broken.index) + left + hyphen + right + (rest[3] as string) });
      const remaining = next.text.slice(rest[0].length);
      if (remaining !== '') lines[i + 1] = { text: remaining, line: next.line, column: next.column + rest[0].length };
      else i++;
      continue;
    }
    const text = line.text.includes('\u00ad') ? line.text.replace(/\u00ad/g, '') : line.text;
    const joinedText = text.includes('- ') ? joinWithinLine(text) : text;
    out.push(joinedText === line.text ? line : { ...line, text: joinedText });
  }
  return out;
}

const KEEP_PREFIXES = new Set(['non', 'self', 'co', 'anti', 'ex', 'cross', 'multi', 'quasi', 'semi', 'post', 'pre', 'sub', 'inter', 'intra', 'extra', 'well', 'long', 'short', 'low', 'high', 'small', 'large']);

/** Every word the text writes, lower-cased, hyphenated compounds included: looked up, never searched. */
function wordsOf(text: string): Set<string> {
  return new Set((text.match(/\p{L}+(?:-\p{L}+)*/gu) ?? []).map((w) => w.toLowerCase()));
}

function keepsHyphen(left: string, right: string, written: ReadonlySet<string>): boolean {
  if (written.has(`${left}-${right}`.toLowerCase())) return true;
  if (written.has(`${left}${right}`.toLowerCase())) return false;
  return KEEP_PREFIXES.has(left.toLowerCase());
}

const SUSPENDED = /^(?:and|or|nor|to|than|but|as|versus|vs|through|until)$/;

function joinWithinLine(text: string): string {
  return text.replace(/(\p{L}{2,})- (\p{Ll}{2,})/gu, (all, left: string, right: string) => (SUSPENDED.test(right) ? all : `${left}-${right}`));
}
