import type { Draft, Paragraph } from '../model/schemas.js';

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
}

export function exportInput(draft: Draft, mode: ExportMode, extra: { numbers?: ReadonlyMap<string, string>; note?: string } = {}): ExportInput {
  const numbers = extra.numbers;
  return {
    draft,
    mode,
    displayNumber: (p) => numbers?.get(p.address) ?? p.number,
    ...(extra.note !== undefined ? { note: extra.note } : {}),
  };
}
