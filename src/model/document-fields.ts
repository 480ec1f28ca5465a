/**
 * The shapes of draft.yaml's `symbol` and `date`, and of an address, without zod, so that `export --symbol` and
 * `--date` are checked by the same rules without loading the schemas.
 */

/**
 * A paragraph's address: its name in the draft, unique and never changed once given (history
 * and revisions refer to it). Safe as a file name everywhere: letters, digits, and "." or "-"
 * between them; two addresses may not differ only in case (checked across files). Here, not in
 * schemas.ts, so that `add` checks a new address without loading zod.
 */
export const ADDRESS_PATTERN = /^[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*$/;

/** One line, without spaces around it: `A/CONF.999/L.1`, `FCCC/PA/CMA/2026/L.3`. */
export const DOCUMENT_SYMBOL_PATTERN = /^\S(?:[^\n\r]*\S)?$/;

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
