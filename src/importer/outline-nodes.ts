import type { Note, Section, Status } from '../model/schemas.js';
import type { OptionReading } from './option-labels.js';
import type { TextUnit } from './text-unit.js';

/**
 * The tree the outline builder makes from the lines of a text, before addresses are given and
 * paragraphs are finished: sections, option blocks and paragraphs with their source positions.
 */
export interface AltNode {
  label: string;
  bracketed: boolean;
  unit: TextUnit;
  line: number;
  column: number;
}

export interface ItemNode {
  label: string;
  unit: TextUnit;
  alternatives: AltNode[];
  status?: Status;
}

export interface ParagraphNode {
  kind: 'paragraph';
  /** As printed; absent for an unnumbered paragraph. */
  number?: string;
  bracketed: boolean;
  line: number;
  column: number;
  text: TextUnit;
  items: ItemNode[];
  alternatives: AltNode[];
  notes: Note[];
  /** Where numbering restarts around it, outermost first: `art3`, `opt1`, `3-opt2`. */
  scope: string[];
  /** The section it stands in, for telling a restart from a real duplicate. */
  section: SectionNode;
  /** A second paragraph printed with the same number in the same section and scope: kept, under an address of its own. */
  duplicate?: true;
}

export interface OptionNode {
  label: string;
  reading: OptionReading;
  title?: string;
  /** The words of an option that holds no paragraphs: "(No text)", "No provision on …". */
  placeholder?: TextUnit;
  /** The last paragraph it holds, where its line says (`Option 2: (paragraphs 3-3quater)`), as `normaliseNumber` writes it. */
  through?: string;
  /** It holds that last paragraph: the next numbered one is outside it. */
  holdsLast?: true;
  /** Its text began on the option line itself (`Option 2: Each Party …`): it holds that one paragraph. */
  inline: boolean;
  entries: OutlineNode[];
  line: number;
}

export interface BlockNode {
  kind: 'block';
  /** The printed number the block stands under (`3. Option 1:`). */
  anchor?: string;
  /** What tells this block's options from another block's in addresses: `3`, `b2`. */
  scopeKey?: string;
  options: OptionNode[];
  line: number;
}

export type OutlineNode = ParagraphNode | BlockNode;

export interface SectionNode {
  section: Omit<Section, 'paragraphs' | 'subsections'>;
  entries: OutlineNode[];
  subsections: SectionNode[];
  /** Its key in addresses when numbering restarts in it (an article): `art3`. */
  scopeKey?: string;
  /** A part, chapter or annex: articles stand inside it. */
  division?: boolean;
}
