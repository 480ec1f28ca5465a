import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceLine } from './source-lines.js';

/**
 * A PDF whose paragraph numbers stood in a column of their own can come out of text extraction
 * as a run of numbers on one line (`6. 7.`) with the bodies after it. Where the bodies that
 * follow — blocks of lines separated by blank lines, or else single lines — are as many as the
 * numbers, each number goes back in front of its body, in order. Where they are not, the run is
 * kept as written, with a warning.
 */
export function reattachNumbers(lines: readonly SourceLine[]): { lines: SourceLine[]; warnings: Omit<Diagnostic, 'file'>[] } {
  const out: SourceLine[] = [];
  const warnings: Omit<Diagnostic, 'file'>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    const numbers = numberRun(line.text);
    if (!numbers) {
      out.push(line);
      continue;
    }
    const bodies = bodiesAfter(lines, i + 1);
    const groups = bodies.blocks.length === numbers.length ? bodies.blocks : bodies.blocks.length === 1 && bodies.blocks[0]?.length === numbers.length ? (bodies.blocks[0] as number[]).map((j) => [j]) : undefined;
    if (!groups) {
      warnings.push({
        code: 'NUMBERS_WITHOUT_TEXT',
        severity: 'warning',
        message: `the paragraph numbers ${numbers.join(' ')} stand on a line of their own, but ${bodies.blocks.length} text block${bodies.blocks.length === 1 ? '' : 's'} follow; kept as written`,
        line: line.line,
        column: line.column,
        sourceLine: line.text,
      });
      out.push(line);
      continue;
    }
    const starts = new Map(groups.map((group, n) => [group[0] as number, numbers[n] as string]));
    for (let j = i + 1; j < bodies.end; j++) {
      const body = lines[j] as SourceLine;
      const number = starts.get(j);
      out.push(number === undefined ? body : { ...body, text: `${number} ${body.text.trimStart()}` });
    }
    i = bodies.end - 1;
  }
  return { lines: out, warnings };
}

/** `6. 7.`, `12.  13.  14.`: two or more paragraph numbers and nothing else. */
function numberRun(text: string): string[] | undefined {
  const t = text.trim();
  if (!/^\d{1,4}\.(?:\s+\d{1,4}\.)+$/.test(t)) return undefined;
  return t.split(/\s+/);
}

/** The blocks of text after `from`, up to the next structure (a number, a heading) or the end. */
function bodiesAfter(lines: readonly SourceLine[], from: number): { blocks: number[][]; end: number } {
  const blocks: number[][] = [];
  let current: number[] | undefined;
  let j = from;
  for (; j < lines.length; j++) {
    const t = (lines[j] as SourceLine).text.trim();
    if (t === '') {
      current = undefined;
      continue;
    }
    if (/^(?:\[?\d{1,4}\.(?:\s|$)|[IVXLC]+\.\s|[A-Z]\.\s|Article\s|ARTICLE\s|Option\s)/.test(t)) break;
    if (!current) {
      current = [];
      blocks.push(current);
    }
    current.push(j);
  }
  return { blocks, end: j };
}
