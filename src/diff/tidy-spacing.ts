import type { Change } from 'diff';

/**
 * Tidies the spacing of a word diff's changes in place, the way jsdiff's word diff does:
 * whitespace that a deletion and the insertion after it share at their edges moves into the
 * unchanged text around them, so the pair reads `the <del>necessity</del><ins>importance</ins> of`.
 * Without `whitespace` (spacing not compared) the deletion first takes the insertion's edge
 * spacing where both have some.
 */
export function tidySpacing(changes: Change[], whitespace: boolean): Change[] {
  for (let i = 0; i + 1 < changes.length; i++) {
    const deletion = changes[i] as Change;
    const insertion = changes[i + 1] as Change;
    if (!deletion.removed || !insertion.added || core(deletion.value) === '' || core(insertion.value) === '') continue;
    if (!whitespace) deletion.value = sameSpacing(deletion.value, insertion.value);
    const before = unchanged(changes[i - 1]);
    const after = unchanged(changes[i + 2]);
    const prefix = commonPrefix(lead(deletion.value), lead(insertion.value));
    if (before !== undefined && prefix !== '') {
      before.value += prefix;
      deletion.value = deletion.value.slice(prefix.length);
      insertion.value = insertion.value.slice(prefix.length);
    }
    const suffix = commonSuffix(trail(deletion.value), trail(insertion.value));
    if (after !== undefined && suffix !== '') {
      after.value = suffix + after.value;
      deletion.value = deletion.value.slice(0, deletion.value.length - suffix.length);
      insertion.value = insertion.value.slice(0, insertion.value.length - suffix.length);
    }
  }
  return changes;
}

/** `\\s` of a regular expression (and `trim`): ASCII spacing, line and paragraph separators, the Unicode spaces and the BOM. */
export function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function unchanged(change: Change | undefined): Change | undefined {
  return change !== undefined && !change.added && !change.removed ? change : undefined;
}

/** `deletion` with the spacing of `insertion` at each edge where both have spacing. */
function sameSpacing(deletion: string, insertion: string): string {
  const start = lead(deletion) !== '' && lead(insertion) !== '' ? lead(insertion) : lead(deletion);
  const end = trail(deletion) !== '' && trail(insertion) !== '' ? trail(insertion) : trail(deletion);
  return start + core(deletion) + end;
}

/** The spacing a text starts with (all of it, when it is only spacing). */
function lead(text: string): string {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return text.slice(0, i);
}

/** The spacing a text ends with, none when it is only spacing (`lead` has it). */
function trail(text: string): string {
  let i = text.length;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i === 0 ? '' : text.slice(i);
}

function core(text: string): string {
  return text.slice(lead(text).length, text.length - trail(text).length);
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function commonSuffix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return a.slice(a.length - i);
}
