import type { DraftMeta } from '../model/schemas.js';

/**
 * What a circulated document carries above its text, the same in every format: the document
 * symbol (`A/CONF.999/L.1`), the revision (`Rev.2`) and the date.
 *
 * The symbol and the date come from draft.yaml (`symbol`, `date`), each overridden by the export
 * options. There is no revision store yet: the revision is shown only when the export is told
 * it (`export --revision Rev.2`); named snapshots will fill it when they exist.
 */
export interface DocumentHeader {
  symbol?: string;
  revision?: string;
  /** The date the document bears, YYYY-MM-DD. */
  date?: string;
  /** When the file was made, YYYY-MM-DD; shown by the layout formats when the document has no date. */
  exported?: string;
}

export interface HeaderOverrides {
  symbol?: string;
  revision?: string;
  date?: string;
}

export function documentHeader(meta: Pick<DraftMeta, 'symbol' | 'date'>, overrides: HeaderOverrides = {}, exported?: string): DocumentHeader {
  const symbol = overrides.symbol ?? meta.symbol;
  const date = overrides.date ?? meta.date;
  return {
    ...(symbol !== undefined ? { symbol } : {}),
    ...(overrides.revision !== undefined ? { revision: overrides.revision } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(exported !== undefined ? { exported } : {}),
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-11-30` as a document prints it: `30 November 2026`. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

export interface HeaderField {
  label: 'Symbol' | 'Revision' | 'Date' | 'Exported';
  value: string;
}

/**
 * The header's fields in the order documents print them: the symbol, the revision, the date
 * (`30 November 2026`). `withExported` adds when the file was made, for a document without a date.
 */
export function headerFields(header: DocumentHeader, withExported = false): HeaderField[] {
  const fields: HeaderField[] = [];
  if (header.symbol !== undefined) fields.push({ label: 'Symbol', value: header.symbol });
  if (header.revision !== undefined) fields.push({ label: 'Revision', value: header.revision });
  if (header.date !== undefined) fields.push({ label: 'Date', value: longDate(header.date) });
  else if (withExported && header.exported !== undefined) fields.push({ label: 'Exported', value: longDate(header.exported) });
  return fields;
}

/**
 * The header as labelled lines, `Symbol: A/CONF.999/L.1`, as the text and Markdown exports print
 * it. A bare symbol on a line of its own would read as a capitals heading when the text export is
 * imported again; labelled, the lines read as the preamble.
 */
export function headerLines(header: DocumentHeader, withExported = false): string[] {
  return headerFields(header, withExported).map((field) => `${field.label}: ${field.value}`);
}
