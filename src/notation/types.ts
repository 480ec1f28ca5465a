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
 * (`[management/development]`) it is "choose one".
 */
export interface BracketNode {
  type: 'bracket';
  options: OptionNode[];
  position?: Position;
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
