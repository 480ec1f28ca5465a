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

export interface NotationRoot {
  type: 'root';
  children: InlineNode[];
  position?: Position;
}

export type NotationNode = NotationRoot | InlineNode | OptionNode;

export type NotationErrorCode = 'UNCLOSED_BRACKET' | 'UNEXPECTED_CLOSING_BRACKET' | 'NESTING_TOO_DEEP';

export interface NotationError {
  code: NotationErrorCode;
  message: string;
  /** Where the offending bracket stands in the parsed string. */
  point: Point;
}

export type NotationResult =
  | { ok: true; tree: NotationRoot }
  | { ok: false; errors: NotationError[] };
