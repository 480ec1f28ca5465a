import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Git's conflict markers, as a merge without ndraft's driver leaves them in a file (a hosting
 * platform's web merge, a clone where `ndraft git-setup` was never run):
 *
 *     <<<<<<< ours            the side merged into
 *     ||||||| base            only with merge.conflictStyle diff3 (or zdiff3)
 *     =======
 *     >>>>>>> theirs
 *
 * Lines outside the markers are common to every side. Only a marker at the start of a line
 * counts, followed by a space or the line's end, as git writes them.
 */
const MARKER = /^(<{7}|\|{7}|={7}|>{7})(?: |$)/;

/** Where the first conflict marker stands, if the text has one. */
export function firstConflictMarker(source: string): { line: number; sourceLine: string } | undefined {
  if (!source.includes('<<<<<<<')) return undefined;
  const lines = source.split('\n');
  const at = lines.findIndex((line) => line.startsWith('<<<<<<<') && MARKER.test(line));
  return at < 0 ? undefined : { line: at + 1, sourceLine: lines[at] as string };
}

/** The error `validate` (and every command reading the file) reports for a file with markers. */
export function conflictMarkerDiagnostic(file: string, source: string): Diagnostic | undefined {
  const at = firstConflictMarker(source);
  if (!at) return undefined;
  return { code: 'GIT_CONFLICT', severity: 'error', message: 'git conflict markers: run "ndraft resolve-conflicts"', file, line: at.line, column: 1, sourceLine: at.sourceLine };
}

/** The sides a marked file holds; `base` only when every conflict shows it (diff3 style). */
export interface MarkedSides {
  ours: string;
  theirs: string;
  base?: string;
}

/** Splits a file with conflict markers into its sides; undefined when its markers do not pair up. */
export function splitConflict(source: string): MarkedSides | undefined {
  const sides = { ours: [] as string[], base: [] as string[], theirs: [] as string[] };
  let state: 'common' | 'ours' | 'base' | 'theirs' = 'common';
  let everyBase = true;
  let sawBase = false;
  const lines = source.split('\n');
  for (const line of lines) {
    const marker = MARKER.exec(line)?.[1]?.[0];
    if (marker === '<' && state === 'common') {
      state = 'ours';
      sawBase = false;
    } else if (marker === '|' && state === 'ours') {
      state = 'base';
      sawBase = true;
    } else if (marker === '=' && (state === 'ours' || state === 'base')) state = 'theirs';
    else if (marker === '>' && state === 'theirs') {
      state = 'common';
      everyBase &&= sawBase;
    } else if (marker !== undefined && state !== 'common' && marker !== '=') return undefined;
    else if (state === 'common') for (const side of Object.values(sides)) side.push(line);
    else sides[state].push(line);
  }
  if (state !== 'common') return undefined;
  const text = (list: string[]) => list.join('\n');
  return { ours: text(sides.ours), theirs: text(sides.theirs), ...(everyBase ? { base: text(sides.base) } : {}) };
}

/**
 * A whole file as a conflict, for what the merge driver cannot represent: each side entire,
 * the base between them (diff3 style), so that `resolve-conflicts` and a person both see all three.
 */
export function markConflict(sides: { ours: string; base: string; theirs: string }, labels: { ours: string; base: string; theirs: string }): string {
  const block = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  return `<<<<<<< ${labels.ours}\n${block(sides.ours)}||||||| ${labels.base}\n${block(sides.base)}=======\n${block(sides.theirs)}>>>>>>> ${labels.theirs}\n`;
}
