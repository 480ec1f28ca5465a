import { LineIndex } from '../diagnostics/line-index.js';
import { inputLimits, pastLimit } from '../limits/input-limits.js';
import { isOptionSeparator } from './option-separator.js';
import type {
  BracketLabel,
  BracketNode,
  InlineNode,
  NotationError,
  NotationResult,
  NotationRoot,
  OptionNode,
  Point,
} from './types.js';

// `Option 2A:`, `option 1:`, `Option (a):`, `Option B :`, and the blanks after the colon.
const OPTION_LABEL = /(option[ \t\u00a0]+(?:\([0-9a-z]+\)|[0-9a-z]+))[ \t\u00a0]*:[ \t\u00a0]*/iy;

/** The option label that opens a bracket at `offset`, if there is one. */
function optionLabelAt(source: string, offset: number): BracketLabel | undefined {
  OPTION_LABEL.lastIndex = offset;
  const match = OPTION_LABEL.exec(source);
  return match ? { value: match[1] as string, raw: match[0] } : undefined;
}

interface Frame {
  bracket: BracketNode;
  option: OptionNode;
  openOffset: number;
  optionStart: number;
}

/**
 * Parses bracket notation into a tree. Never throws: unbalanced brackets come back as errors
 * with a code and a point, every one of them, not only the first. Brackets nested past the depth
 * limit end the parse with that one error: every walk over the tree may then recurse safely.
 */
export function parseNotation(source: string): NotationResult {
  // Most texts are one line: their points need no line index.
  const lines = source.includes('\n') ? new LineIndex(source) : undefined;
  const point = (offset: number): Point => {
    if (!lines) return { line: 1, column: offset + 1, offset };
    const p = lines.point(offset);
    return { line: p.line, column: p.column, offset };
  };
  const errors: NotationError[] = [];
  const root: NotationRoot = { type: 'root', children: [] };
  const stack: Frame[] = [];
  let textStart = 0;
  const maxDepth = inputLimits().depth;

  const children = (): InlineNode[] => {
    const top = stack[stack.length - 1];
    return top ? top.option.children : root.children;
  };
  const flushText = (end: number): void => {
    if (end > textStart) {
      children().push({
        type: 'text',
        value: source.slice(textStart, end),
        position: { start: point(textStart), end: point(end) },
      });
    }
  };
  const closeOption = (frame: Frame, end: number): void => {
    frame.option.position = { start: point(frame.optionStart), end: point(end) };
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '[') {
      if (stack.length >= maxDepth) {
        return { ok: false, errors: [{ code: 'NESTING_TOO_DEEP', message: `brackets nested ${maxDepth + 1} deep, ${pastLimit('depth')}`, point: point(i) }] };
      }
      flushText(i);
      const option: OptionNode = { type: 'option', children: [] };
      const bracket: BracketNode = { type: 'bracket', options: [option] };
      const label = optionLabelAt(source, i + 1);
      if (label) bracket.label = label;
      children().push(bracket);
      const optionStart = i + 1 + (label?.raw.length ?? 0);
      stack.push({ bracket, option, openOffset: i, optionStart });
      textStart = optionStart;
      i = optionStart - 1;
    } else if (ch === ']') {
      if (stack.length === 0) {
        errors.push({
          code: 'UNEXPECTED_CLOSING_BRACKET',
          message: 'closing bracket "]" has no opening bracket',
          point: point(i),
        });
        continue;
      }
      flushText(i);
      const frame = stack.pop() as Frame;
      closeOption(frame, i);
      frame.bracket.position = { start: point(frame.openOffset), end: point(i + 1) };
      textStart = i + 1;
    } else if (ch === '/' && stack.length > 0 && isOptionSeparator(source, i)) {
      const frame = stack[stack.length - 1] as Frame;
      flushText(i);
      closeOption(frame, i);
      frame.option = { type: 'option', children: [] };
      frame.bracket.options.push(frame.option);
      frame.optionStart = i + 1;
      textStart = i + 1;
    }
  }

  for (const frame of stack) {
    errors.push({
      code: 'UNCLOSED_BRACKET',
      message: 'opening bracket "[" is never closed',
      point: point(frame.openOffset),
    });
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.point.offset - b.point.offset);
    return { ok: false, errors };
  }
  flushText(source.length);
  root.position = { start: point(0), end: point(source.length) };
  return { ok: true, tree: root };
}
