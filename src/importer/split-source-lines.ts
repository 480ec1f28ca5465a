import type { SourceLine } from './source-lines.js';

/**
 * Text to lines, numbered from 1 as an editor numbers them. Joining the texts with `\n` gives the
 * input back exactly (line endings are already `\n` after decoding; a stray `\r` is split on too).
 */
export function splitSourceLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1, column: 1 }));
}
