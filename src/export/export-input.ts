import type { Draft, Paragraph } from '../model/schemas.js';
import { documentHeader, type DocumentHeader } from '../render/document-header.js';

/**
 * `compilation` shows the negotiation as it stands: brackets, alternatives, statuses, positions.
 * `clean` is the consolidated text for capitals and the press: no brackets, no markers, no
 * alternatives. A clean draft is made by `consolidateDraft` before any renderer sees it.
 */
export type ExportMode = 'compilation' | 'clean';

/** What every format renderer takes. Renderers are pure: they return text or bytes, never write. */
export interface ExportInput {
  draft: Draft;
  mode: ExportMode;
  /** The number to print for a paragraph (differs from `paragraph.number` with --renumber); none for an unnumbered one. */
  displayNumber: (paragraph: Paragraph) => string | undefined;
  /** A closing note, e.g. what --agreed-only left out; printed after the last paragraph. */
  note?: string;
  /** The symbol, revision and date every format shows at the top; draft.yaml's when absent (`headerOf`). */
  header?: DocumentHeader;
  /** Number the lines of each paragraph (HTML, PDF, DOCX): see `paragraph-lines.ts`. */
  lineNumbers?: boolean;
}

export interface ExportExtra {
  numbers?: ReadonlyMap<string, string>;
  note?: string;
  /** Defaults to draft.yaml's symbol and date. */
  header?: DocumentHeader;
  lineNumbers?: boolean;
}

export function exportInput(draft: Draft, mode: ExportMode, extra: ExportExtra = {}): ExportInput {
  const numbers = extra.numbers;
  return {
    draft,
    mode,
    displayNumber: (p) => numbers?.get(p.address) ?? p.number,
    ...(extra.note !== undefined ? { note: extra.note } : {}),
    header: extra.header ?? documentHeader(draft.meta),
    ...(extra.lineNumbers ? { lineNumbers: true } : {}),
  };
}

/** The header to show: the one the export was given, else draft.yaml's symbol and date. */
export function headerOf(input: ExportInput): DocumentHeader {
  return input.header ?? documentHeader(input.draft.meta);
}
