import { LineIndex } from '../diagnostics/line-index.js';
import { inputLimits, pastLimit } from '../limits/input-limits.js';
import { isOptionSeparator, joinsBrackets } from './option-separator.js';
import type {
  BracketLabel,
  BracketNode,
  InlineNode,
  NotationError,
  NotationResult,
  NotationRoot,
  OptionNode,
  Point,
  RootChild,
  SpanEdges,
} from './types.js';

// `Option 2A:`, `option 1:`, `Option (a):`, `Option B :`, and the blanks after the colon.
const OPTION_LABEL = /(option[ \t\u00a0]+(?:\([0-9a-z]+\)|[0-9a-z]+))[ \t\u00a0]*:[ \t\u00a0]*/iy;

// `EU: `, `G77: `, `US/AU propose: `, `NZ/CL propose; US/JP oppose: `: who proposes the bracket's
// words, as compilations write it; delegations' codes of two or three capitals (and a footnote digit), or G77.
const CODE = String.raw`(?:[A-Z]{2,3}\d{0,3}|[A-Z]\d{2})`;
const CODES = String.raw`${CODE}(?:[ \t]*\/+[ \t]*${CODE})*`;
const STANCE = String.raw`[ \t]+(?:propose|oppose|Propose|Oppose)[;,]?`;
const ATTRIBUTION_LABEL = new RegExp(String.raw`(${CODES}(?:${STANCE}(?:[ \t]*${CODES}${STANCE})?)?)[ \t\u00a0]*:[ \t\u00a0]*`, 'y');

/** The label that opens a bracket at `offset`, if there is one: an option's (`Option 2A: `) or its proposers' (`EU: `). */
function optionLabelAt(source: string, offset: number): BracketLabel | undefined {
  // Most brackets open on a lower-case word: neither pattern is tried for them.
  const first = source.charCodeAt(offset);
  if (first === O_LOWER || first === O_UPPER) {
    const label = labelMatch(OPTION_LABEL, source, offset);
    if (label) return label;
  }
  return first >= A_UPPER && first <= Z_UPPER ? labelMatch(ATTRIBUTION_LABEL, source, offset) : undefined;
}

const O_LOWER = 0x6f;
const O_UPPER = 0x4f;
const A_UPPER = 0x41;
const Z_UPPER = 0x5a;

function labelMatch(pattern: RegExp, source: string, offset: number): BracketLabel | undefined {
  pattern.lastIndex = offset;
  const match = pattern.exec(source);
  return match ? { value: match[1] as string, raw: match[0] } : undefined;
}

const OPEN = 91; // [
const CLOSE = 93; // ]

/** Where the next `[`, `]` or `/` stands: the characters the parser acts on (anything between them is words). */
class SpecialCharacters {
  private open = -1;
  private close = -1;
  private slash = -1;

  constructor(private readonly source: string) {}

  /** The first of them at `at` or after, or -1. Each is searched for again only once passed. */
  from(at: number): number {
    if (this.open !== Infinity && this.open < at) this.open = this.find('[', at);
    if (this.close !== Infinity && this.close < at) this.close = this.find(']', at);
    if (this.slash !== Infinity && this.slash < at) this.slash = this.find('/', at);
    const first = Math.min(this.open, this.close, this.slash);
    return first === Infinity ? -1 : first;
  }

  private find(ch: string, at: number): number {
    const found = this.source.indexOf(ch, at);
    return found < 0 ? Infinity : found;
  }
}

interface Frame {
  bracket: BracketNode;
  option: OptionNode;
  openOffset: number;
  optionStart: number;
  /** A slash at this bracket's own level joins two brackets (`[should]/[shall]`); see `rejoined`. */
  joins?: boolean;
}

/**
 * Where the brackets that nothing in `source` matches stand: every `]` met with no `[` open, and
 * every `[` still open at the end, each in text order. One pass; the first come before the last.
 */
export function unmatchedBrackets(source: string): { closes: number[]; opens: number[] } {
  const opens: number[] = [];
  const closes: number[] = [];
  for (let i = source.indexOf('['), j = source.indexOf(']'); i >= 0 || j >= 0; ) {
    if (j < 0 || (i >= 0 && i < j)) {
      opens.push(i);
      i = source.indexOf('[', i + 1);
    } else {
      if (opens.length > 0) opens.pop();
      else closes.push(j);
      j = source.indexOf(']', j + 1);
    }
  }
  return { closes, opens };
}

/**
 * Parses bracket notation into a tree. Never throws: unbalanced brackets come back as errors
 * with a code and a point, every one of them, not only the first. Brackets nested past the depth
 * limit end the parse with that one error: every walk over the tree may then recurse safely.
 *
 * `spans` names the bracket spans whose edges stand in the text (a text that a bracket over
 * several paragraphs or items opens or closes in): its first unmatched `]` are read as the
 * closing edges of `spans.closes`, its last unmatched `[` as the opening edges of `spans.opens`,
 * each a `spanOpen` or `spanClose` node at the root. Any other unmatched bracket is an error as
 * ever, and so is an edge named with no unmatched bracket for it.
 */
export function parseNotation(source: string, spans?: SpanEdges): NotationResult {
  if ((spans === undefined || (spans.closes.length === 0 && spans.opens.length === 0)) && isPlainLine(source)) return plainLine(source);
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
  const edges = spans !== undefined && (spans.closes.length > 0 || spans.opens.length > 0) ? spanEdgesAt(source, spans) : undefined;
  if (edges) errors.push(...edges.missing.map((m) => ({ code: 'SPAN_EDGE_MISSING' as const, message: m.message, point: point(m.offset) })));
  const edge = (i: number, type: 'spanOpen' | 'spanClose', span: number): void => {
    flushText(i);
    root.children.push({ type, span, position: { start: point(i), end: point(i + 1) } });
    textStart = i + 1;
  };

  const children = (): InlineNode[] => {
    const top = stack[stack.length - 1];
    // Only text and brackets go through here: span edges go to the root itself.
    return top ? top.option.children : (root.children as InlineNode[]);
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

  // Jumps from one `[`, `]` or `/` to the next (found natively): most of a text is words, and a
  // draft's thousands of texts are parsed by a fresh process at every command the cache cannot serve.
  const next = new SpecialCharacters(source);
  for (let i = next.from(0); i >= 0; i = next.from(i + 1)) {
    const ch = source.charCodeAt(i);
    if (ch === OPEN) {
      const span = edges?.opens.get(i);
      if (span !== undefined) {
        edge(i, 'spanOpen', span);
        continue;
      }
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
    } else if (ch === CLOSE) {
      const span = edges?.closes.get(i);
      if (span !== undefined) {
        edge(i, 'spanClose', span);
        continue;
      }
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
      if (frame.joins && !frame.bracket.options.every(isLoneBracket)) frame.bracket.options = [rejoined(frame.bracket.options, point)];
      frame.bracket.position = { start: point(frame.openOffset), end: point(i + 1) };
      textStart = i + 1;
    } else if (stack.length > 0 && isOptionSeparator(source, i)) {
      const frame = stack[stack.length - 1] as Frame;
      if (joinsBrackets(source, i)) frame.joins = true;
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

/** One bracket alone, blanks aside: `[[new]/[old]]` is a choice between two such options. */
function isLoneBracket(option: OptionNode): boolean {
  let brackets = 0;
  for (const child of option.children) {
    if (child.type === 'bracket') brackets++;
    else if (child.value.trim() !== '') return false;
  }
  return brackets === 1;
}

/**
 * The options of a bracket that holds `[a]/[b]` among other words, as the one option they are:
 * the slash joins the two brackets beside it (a choice of its own, see `slashedChoice`), and a
 * text that writes its choices so does not also write them as `[a/b]`, so the bracket's other
 * slashes are words' too. `[[Member States]/[Contracting Parties] shall not apply sanctions in
 * cases of incidental use/utilization]` is to keep or drop, not a choice of three.
 */
function rejoined(options: readonly OptionNode[], point: (offset: number) => Point): OptionNode {
  const children: InlineNode[] = [];
  const push = (node: InlineNode): void => {
    const last = children[children.length - 1];
    if (node.type === 'text' && last?.type === 'text' && last.position && node.position) {
      children[children.length - 1] = { type: 'text', value: last.value + node.value, position: { start: last.position.start, end: node.position.end } };
    } else children.push(node);
  };
  options.forEach((option, k) => {
    const start = option.position?.start.offset ?? 0;
    if (k > 0) push({ type: 'text', value: '/', position: { start: point(start - 1), end: point(start) } });
    option.children.forEach(push);
  });
  const first = options[0]?.position;
  const last = options[options.length - 1]?.position;
  return { type: 'option', children, ...(first && last ? { position: { start: first.start, end: last.end } } : {}) };
}

const NOT_PLAIN_LINE = /[[\]\n]/;

/** One line with no bracket: most texts of a draft, parsed by the thousand when the cache does not know them. */
function isPlainLine(source: string): boolean {
  return !NOT_PLAIN_LINE.test(source);
}

/** What the parser gives for such a text (a slash outside brackets is text): one text node, if any text. */
function plainLine(source: string): NotationResult {
  const point = (offset: number): Point => ({ line: 1, column: offset + 1, offset });
  const children: RootChild[] = source === '' ? [] : [{ type: 'text', value: source, position: { start: point(0), end: point(source.length) } }];
  return { ok: true, tree: { type: 'root', children, position: { start: point(0), end: point(source.length) } } };
}

/** The offsets of the span edges named in `spans`, and each edge named that has no bracket in the text. */
function spanEdgesAt(source: string, spans: SpanEdges): { closes: Map<number, number>; opens: Map<number, number>; missing: { offset: number; message: string }[] } {
  const unmatched = unmatchedBrackets(source);
  const closes = new Map<number, number>();
  const opens = new Map<number, number>();
  const missing: { offset: number; message: string }[] = [];
  spans.closes.forEach((span, k) => {
    const at = unmatched.closes[k];
    if (at === undefined) missing.push({ offset: 0, message: `bracket span ${span} closes in this text, but it has no "]" left unmatched to close it` });
    else closes.set(at, span);
  });
  // The last unmatched "[" open the spans: any before them are never closed.
  const first = unmatched.opens.length - spans.opens.length;
  spans.opens.forEach((span, k) => {
    const at = unmatched.opens[first + k];
    if (at === undefined) missing.push({ offset: source.length, message: `bracket span ${span} opens in this text, but it has no "[" left unmatched to open it` });
    else opens.set(at, span);
  });
  return { closes, opens, missing };
}
