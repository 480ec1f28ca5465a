import type { ChalkInstance } from 'chalk';
import { diffArrays } from 'diff';
import type { Paragraph } from '../model/schemas.js';
import { renderParagraph } from './render-text.js';

/** A paragraph before and after a change, line by line as `export` writes it: `-` removed, `+` added. */
export function renderChange(before: Paragraph | null, after: Paragraph | null, c: ChalkInstance): string {
  const lines = (p: Paragraph | null) => (p ? statusLine(p).concat(renderParagraph(p).split('\n')) : []);
  const out: string[] = [];
  for (const part of diffArrays(lines(before), lines(after))) {
    for (const line of part.value) {
      if (part.added) out.push(c.green(`+ ${line}`));
      else if (part.removed) out.push(c.red(`- ${line}`));
      else out.push(c.dim(`  ${line}`));
    }
  }
  return out.join('\n');
}

function statusLine(p: Paragraph): string[] {
  return [`(status: ${p.status}${p.bracketed ? ', bracketed as a whole' : ''})`];
}
