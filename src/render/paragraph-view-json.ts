import { paragraphForYaml } from '../store/serialize.js';
import { parseParagraph, type NumberedBracket } from '../model/paragraph-slots.js';
import type { Alternative, Item, Note, Paragraph, SpanMark, Status } from '../model/schemas.js';
import { printNotation } from '../notation/print-notation.js';
import { choiceGroups, type ChoiceGroups } from '../notation/choice-groups.js';
import type { BracketNode } from '../notation/types.js';
import type { DraftSpan } from '../model/spans.js';
import { spanRoles, type SpanRole } from './span-roles.js';

/** `optional`: one option, keep or drop it; `choice`: two or more, choose one. */
export type BracketKind = 'optional' | 'choice';

export interface BracketSummary {
  /** The number `show` prints before the bracket, as numbered by `parseParagraph`. */
  n: number;
  /** The place that holds it: `text`, `item f)`, `Alt 2`, `item f) Alt 71g2`. */
  where: string;
  kind: BracketKind;
  /** Each option as written, inner brackets included; a label is not part of its option. */
  options: string[];
  /** The bracket's option label as written (`Option 2A` of `[Option 2A: act now]`). */
  label?: string;
  /** For a labelled bracket side by side with others: the labels of the whole choice, in order. */
  choiceBetween?: string[];
  /** For a bracket joined to others by slashes (`[should]/[shall]`): the numbers of the whole choice's brackets, in order. */
  choiceWith?: number[];
  /** 0 for a bracket in plain text, 1 for one inside another bracket, and so on. */
  depth: number;
}

export interface NotationErrorSummary {
  where: string;
  code: string;
  message: string;
  line: number;
  column: number;
}

/** What `ndraft show --json` prints: the paragraph as stored, plus its numbered brackets. */
export interface ParagraphViewJson {
  address: string;
  number?: string;
  status: Status;
  bracketed: boolean;
  text: string;
  items: Item[];
  alternatives: Alternative[];
  notes?: Note[];
  brackets: BracketSummary[];
  /** The bracket spans the paragraph's text takes part in, as stored (its items hold their own). */
  spans?: SpanMark[];
  /** The bracket spans the paragraph takes part in (one bracket over several texts), what each covers and does here; only when there are some. */
  bracketSpans?: SpanRole[];
  /** Only when some text does not parse; its brackets are then neither numbered nor listed. */
  notationErrors?: NotationErrorSummary[];
}

export function bracketKind(bracket: BracketNode): BracketKind {
  return bracket.options.length > 1 ? 'choice' : 'optional';
}

/** The labels a labelled bracket is chosen among, when it stands side by side with others. */
export function choiceBetween(numbered: NumberedBracket, groups: ChoiceGroups): string[] | undefined {
  const group = groups.labelled.get(numbered.bracket);
  return group !== undefined && group.brackets.length > 1 ? group.labels : undefined;
}

/** The numbers of the brackets a bracket is chosen among when slashes join it to others (`[should]/[shall]`). */
export function choiceWith(numbered: NumberedBracket, numbers: ReadonlyMap<BracketNode, number>, groups: ChoiceGroups): number[] | undefined {
  return groups.slashed.get(numbered.bracket)?.map((b) => numbers.get(b) ?? 0);
}

export function summarizeBracket(numbered: NumberedBracket, numbers: ReadonlyMap<BracketNode, number>, groups: ChoiceGroups): BracketSummary {
  const between = choiceBetween(numbered, groups);
  const joined = choiceWith(numbered, numbers, groups);
  return {
    n: numbered.n,
    where: numbered.slot.name,
    kind: between || joined ? 'choice' : bracketKind(numbered.bracket),
    options: numbered.bracket.options.map((option) => printNotation(option)),
    ...(numbered.bracket.label ? { label: numbered.bracket.label.value } : {}),
    ...(between ? { choiceBetween: between } : {}),
    ...(joined ? { choiceWith: joined } : {}),
    depth: numbered.depth,
  };
}

export function paragraphViewJson(paragraph: Paragraph, spans: readonly DraftSpan[] = []): ParagraphViewJson {
  const parsed = parseParagraph(paragraph);
  const roles = spanRoles(paragraph, spans);
  const numbers = new Map(parsed.brackets.map((b) => [b.bracket, b.n]));
  const groups = choiceGroups(parsed.slots.map((slot) => slot.tree));
  const view: ParagraphViewJson = {
    ...paragraphForYaml(paragraph),
    brackets: parsed.brackets.map((b) => summarizeBracket(b, numbers, groups)),
    ...(roles.length > 0 ? { bracketSpans: roles } : {}),
  };
  if (parsed.errors.length > 0) {
    view.notationErrors = parsed.errors.map(({ slot, error }) => ({
      where: slot.name,
      code: error.code,
      message: error.message,
      line: error.point.line,
      column: error.point.column,
    }));
  }
  return view;
}
