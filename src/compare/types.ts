import type { Change } from 'diff';
import type { Status } from '../model/schemas.js';
import type { Counts } from '../report/counts.js';

/**
 * What `compare` finds, as data: the renderers (`src/render/render-compare*.ts`) print it, and
 * JSON output is this, word diffs as `{type, text}` runs.
 */
export const CHANGE_KINDS = ['added', 'deleted', 'renumbered', 'moved', 'reworded', 'brackets', 'alternatives', 'status', 'agreed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Where a paragraph stands in one side: its address, printed number and section. */
export interface ParagraphPlace {
  address: string;
  number?: string;
  /** The section it is in, as a heading would name it: "2. Internet governance", "(before any heading)". */
  section: string;
  /** Its section's number, for `--section`: "2", "3a"; absent outside any numbered section. */
  sectionNumber?: string;
  status: Status;
}

/** One text of the paragraph that differs: "text", "item b)", "Alt 2", with its word diff. */
export interface SlotDiff {
  name: string;
  changes: Change[];
}

export interface ParagraphComparison {
  /** In a, absent when added; in b, absent when removed. */
  before?: ParagraphPlace;
  after?: ParagraphPlace;
  /** How the two were aligned: by address, or by content when the address differs. */
  alignedBy: 'address' | 'content';
  kinds: ChangeKind[];
  bracketsRemoved: number;
  bracketsAdded: number;
  alternativesAdded: string[];
  alternativesDropped: string[];
  alternativesAccepted: string[];
  /** Items whose own status changed: `item f): open → agreed`. */
  itemStatuses: { item: string; before?: Status | undefined; after?: Status | undefined }[];
  diffs: SlotDiff[];
}

/** The summary line's figures: each counts paragraphs, except brackets and alternatives, which count themselves. */
export interface CompareSummary {
  paragraphsChanged: number;
  bracketsRemoved: number;
  bracketsAdded: number;
  reworded: number;
  alternativesAccepted: number;
  alternativesAdded: number;
  alternativesDropped: number;
  newlyAgreed: number;
  reopened: number;
  deleted: number;
  added: number;
  renumbered: number;
  moved: number;
}

export interface DraftComparison {
  a: { name: string; figures: Counts };
  b: { name: string; figures: Counts };
  summary: CompareSummary;
  /** The changed paragraphs in b's reading order, removed ones where they stood in a. */
  paragraphs: ParagraphComparison[];
}
