/**
 * The bracket notation as a syntax tree, in the unist style: plain JSON nodes with a `type`,
 * `children` or `value`, and an optional `position`. Parsed nodes carry positions relative to the
 * parsed string; nodes made by a transform carry none.
 */
export interface Point {
  /** 1-based line within the parsed string. */
  line: number;
  /** 1-based column within that line. */
  column: number;
  /** 0-based offset within the parsed string. */
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}

/** Words that everybody sees; may contain literal slashes (see `isOptionSeparator`). */
export interface TextNode {
  type: 'text';
  value: string;
  position?: Position;
}

/**
 * `[...]`: contested text. With one option it is "keep or drop"; with two or more
 * (`[management/development]`) it is "choose one". A bracket that opens with an option label
 * (`[Option 2A: act now]`) carries the label apart from its words: adjacent labelled brackets
 * are one labelled choice (see `labelledChoice`).
 */
export interface BracketNode {
  type: 'bracket';
  label?: BracketLabel;
  options: OptionNode[];
  position?: Position;
}

/** `Option 2A: ` at the start of a bracket: a name to cite and pick by, never words of the text. */
export interface BracketLabel {
  /** The label as written, without its colon: `Option 2A`, `option (a)`. */
  value: string;
  /** Exactly what stands between `[` and the first option: `Option 2A: `. */
  raw: string;
}

/** One wording inside a bracket; may itself contain brackets. */
export interface OptionNode {
  type: 'option';
  children: InlineNode[];
  position?: Position;
}

export type InlineNode = TextNode | BracketNode;

/**
 * The `[` of a bracket span: a bracket that opens in one text (a paragraph's text or an item)
 * and closes in a later one (see `src/model/spans.ts`). The text holds its `[` or `]` where the
 * source had it, unmatched there; the unit's `spans` field says which span it is, so the parser
 * reads that bracket as this node. Edges stand only at the root: an unmatched bracket is never
 * inside a matched one. What lies after a `spanOpen` (or before a `spanClose`) in the same root
 * is inside the span.
 */
export interface SpanOpenNode {
  type: 'spanOpen';
  /** The span's number in the draft. */
  span: number;
  position?: Position;
}

/** The `]` of a bracket span that opened in an earlier text: see `SpanOpenNode`. */
export interface SpanCloseNode {
  type: 'spanClose';
  span: number;
  position?: Position;
}

export type SpanEdgeNode = SpanOpenNode | SpanCloseNode;

/** What a root holds: text, brackets and, in a text that a bracket span crosses, its edges. */
export type RootChild = InlineNode | SpanEdgeNode;

export interface NotationRoot {
  type: 'root';
  children: RootChild[];
  position?: Position;
}

export type NotationNode = NotationRoot | RootChild | OptionNode;

/** The bracket spans whose edges stand in a text, in text order: which unmatched `]` and `[` are theirs. */
export interface SpanEdges {
  /** The spans whose `]` stands in the text, one for each of its first unmatched `]`. */
  closes: readonly number[];
  /** The spans whose `[` stands in the text, one for each of its last unmatched `[`. */
  opens: readonly number[];
}

export type NotationErrorCode = 'UNCLOSED_BRACKET' | 'UNEXPECTED_CLOSING_BRACKET' | 'NESTING_TOO_DEEP' | 'SPAN_EDGE_MISSING';

export interface NotationError {
  code: NotationErrorCode;
  message: string;
  /** Where the offending bracket stands in the parsed string. */
  point: Point;
}

export type NotationResult =
  | { ok: true; tree: NotationRoot }
  | { ok: false; errors: NotationError[] };
