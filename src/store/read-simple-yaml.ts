/**
 * A fast reader for the plain block YAML that ndraft writes (see emit-yaml.ts), so that loading
 * a large draft does not have to run the `yaml` library on every file. It knows a deliberately
 * small subset and gives up on anything else; the caller then falls back to `yaml`.
 */

/** Raw characters the subset never contains: tabs, controls, BOM, line separators, lone surrogates. */
const OUTSIDE_SUBSET = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\u{D800}-\u{DFFF}]/u;
/** Directives and document markers. */
const DOCUMENT_LEVEL = /^(?:%|---|\.\.\.)/m;
/** Characters a one-line plain scalar may not start with (see `isPlain`). */
const NOT_PLAIN_FIRST = new Set([...' ,[]{}#&*!|>\'"%@`']);
const DOUBLE_QUOTED = /^"((?:[^"\\]|\\.)*)"/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'/;
/** Plain text the core schema reads as something other than a string. */
const CORE_NON_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
/** Thrown (without a stack) to leave the parse as soon as the text steps outside the subset. */
const NOT_SIMPLE = { notSimple: true };
/** Implicit keys stop at 1024 characters in YAML; stay clear of the limit. */
const MAX_KEY_LENGTH = 1000;

/**
 * The value of `source` when it is written in the plain block subset that emitYaml produces:
 * block mappings and sequences (`- key: value` too), `[]`, `{}`, one-line plain, single- and
 * double-quoted scalars, `|`, `|-` and `|+` literals, full-line comments and blank lines.
 * Anything else gives `undefined`, meaning "ask the yaml library". Whenever a value is returned
 * it deep-equals yaml 2.9.1's `parse(source, { uniqueKeys: true })`, and yaml would report
 * neither errors nor warnings for the text.
 */
export function readSimpleYaml(source: string): unknown | undefined {
  if (OUTSIDE_SUBSET.test(source) || DOCUMENT_LEVEL.test(source)) return undefined;
  const lines = source.split('\n');
  const terminated = lines[lines.length - 1] === '';
  if (terminated) lines.pop();
  try {
    return new SimpleReader(lines, terminated).document();
  } catch (error) {
    // A regular expression out of stack on a very long line (past the line limit, raised): ask yaml.
    if (error === NOT_SIMPLE || error instanceof RangeError) return undefined;
    throw error;
  }
}

function fail(): never {
  throw NOT_SIMPLE;
}

class SimpleReader {
  private pos = 0;

  constructor(
    private readonly lines: string[],
    private readonly terminated: boolean,
  ) {}

  document(): unknown {
    const indent = this.nextIndent();
    if (indent < 0) fail();
    const text = this.line(this.pos).slice(indent);
    const value = text === '[]' || text === '{}' ? this.inline(text, indent) : this.block(indent, text);
    if (this.nextIndent() >= 0) fail();
    return value;
  }

  private line(index: number): string {
    return this.lines[index] ?? fail();
  }

  /** Skips blank and comment lines; the indentation of the next content line, or -1 at the end. */
  private nextIndent(): number {
    for (; this.pos < this.lines.length; this.pos++) {
      const line = this.line(this.pos);
      let i = 0;
      while (line.charCodeAt(i) === 32) i++;
      if (i < line.length && line.charCodeAt(i) !== 35) return i;
    }
    return -1;
  }

  /** A mapping or sequence whose first entry is `text`, starting at column `column` of this line. */
  private block(column: number, text: string): unknown {
    return text === '-' || text.startsWith('- ') ? this.sequence(column, text) : this.mapping(column, text);
  }

  private sequence(column: number, first: string): unknown[] {
    const out: unknown[] = [];
    for (let text = first; ; text = this.line(this.pos).slice(column)) {
      if (!text.startsWith('- ') || text.charCodeAt(2) === 32) fail();
      out.push(this.item(column + 2, text.slice(2)));
      const indent = this.nextIndent();
      if (indent < column) return out;
      if (indent > column) fail();
    }
  }

  /** What follows `- `: a nested sequence, a compact mapping or a scalar. */
  private item(column: number, text: string): unknown {
    if (text === '-' || text.startsWith('- ')) return this.sequence(column, text);
    if (splitKey(text)) return this.mapping(column, text);
    return this.inline(text, column - 2);
  }

  private mapping(column: number, first: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let text = first; ; text = this.line(this.pos).slice(column)) {
      const entry = splitKey(text) ?? fail();
      if (Object.hasOwn(out, entry.key)) fail();
      let value: unknown;
      if (entry.rest === undefined) {
        this.pos++;
        const indent = this.nextIndent();
        if (indent <= column) fail();
        value = this.block(indent, this.line(this.pos).slice(indent));
      } else {
        value = this.inline(entry.rest, column);
      }
      // As yaml does: an inherited name such as __proto__ becomes an own property.
      if (entry.key in out) {
        Object.defineProperty(out, entry.key, { value, writable: true, enumerable: true, configurable: true });
      } else {
        out[entry.key] = value;
      }
      const indent = this.nextIndent();
      if (indent < column) return out;
      if (indent > column) fail();
    }
  }

  /** A value that ends its line; `parentIndent` is the column of the mapping or sequence holding it. */
  private inline(text: string, parentIndent: number): unknown {
    if (text === '|' || text === '|-' || text === '|+') return this.literal(parentIndent + 2, text);
    this.pos++;
    if (text === '[]') return [];
    if (text === '{}') return {};
    const quote = text.charCodeAt(0);
    if (quote === 34 || quote === 39) {
      const match = quoted(quote, text);
      if (!match || match[0].length !== text.length) fail();
      return unquote(match);
    }
    return resolvePlain(text);
  }

  /** A `|` block scalar whose lines are indented by exactly `indent` (as emitYaml writes them). */
  private literal(indent: number, header: string): string {
    const parts: string[] = [];
    let content = false;
    for (this.pos++; this.pos < this.lines.length; this.pos++) {
      const line = this.line(this.pos);
      let spaces = 0;
      while (line.charCodeAt(spaces) === 32) spaces++;
      if (spaces === line.length) {
        if (spaces > indent) fail();
        parts.push('');
        continue;
      }
      if (spaces < indent) {
        if (line.charCodeAt(spaces) === 35) fail();
        break;
      }
      if (!content && spaces > indent) fail();
      content = true;
      parts.push(line.slice(indent));
    }
    if (!content || (this.pos === this.lines.length && !this.terminated)) fail();
    let end = parts.length;
    while (parts[end - 1] === '') end--;
    const body = (end === parts.length ? parts : parts.slice(0, end)).join('\n');
    if (header === '|-') return body;
    return header === '|' ? `${body}\n` : `${body}\n${'\n'.repeat(parts.length - end)}`;
  }
}

/** `key: rest` or `key:` (rest undefined), or undefined when `text` is not a mapping entry. */
function splitKey(text: string): { key: string; rest: string | undefined } | undefined {
  const quote = text.charCodeAt(0);
  let key: string;
  let after: number;
  if (quote === 34 || quote === 39) {
    const match = quoted(quote, text);
    if (!match || text.charCodeAt(match[0].length) !== 58) return undefined;
    key = unquote(match);
    after = match[0].length + 1;
  } else {
    const colon = text.indexOf(': ');
    after = colon < 0 && text.endsWith(':') ? text.length : colon + 1;
    if (after === 0) return undefined;
    key = text.slice(0, after - 1);
    if (!isPlain(key) || CORE_NON_STRING.test(key)) fail();
  }
  if (after > MAX_KEY_LENGTH) fail();
  if (after === text.length) return { key, rest: undefined };
  if (text.charCodeAt(after) !== 32 || after + 1 === text.length) fail();
  return { key, rest: text.slice(after + 1) };
}

/**
 * Whether `text` is a one-line plain scalar: no indicator first, no `: `, no ` #`, nothing
 * trailing (`:` or a space). As `/^(?![-?:](?: |$))[^ ,[\]{}#&*!|>'"%@`](?:[^ :]|:(?=[^ ])| (?=[^#]))*$/`
 * (test/store/read-simple-yaml.test.ts), but searched for natively: that pattern, tried
 * character by character, was much of the time spent reading a draft's long texts.
 */
export function isPlain(text: string): boolean {
  const first = text.charAt(0);
  if (text === '' || NOT_PLAIN_FIRST.has(first)) return false;
  if ((first === '-' || first === '?' || first === ':') && (text.length === 1 || text.charCodeAt(1) === 32)) return false;
  const last = text.charCodeAt(text.length - 1);
  return last !== 58 && last !== 32 && !text.includes(': ') && !text.includes(' #');
}

/** `DOUBLE_QUOTED` or `SINGLE_QUOTED` matched against `text`; a double-quoted text without a backslash (most) is found by its closing quote alone. */
function quoted(quote: number, text: string): QuotedMatch | null {
  if (quote === 34 && !text.includes('\\')) {
    const end = text.indexOf('"', 1);
    return end < 0 ? null : [text.slice(0, end + 1), text.slice(1, end)];
  }
  return (quote === 34 ? DOUBLE_QUOTED : SINGLE_QUOTED).exec(text);
}

/** What `unquote` reads of a match: the whole quoted text, and what stands between the quotes. */
type QuotedMatch = readonly [string, string | undefined] | RegExpExecArray;

function unquote(match: QuotedMatch): string {
  const body = match[1] ?? '';
  if (match[0].charCodeAt(0) === 39) return body.includes("''") ? body.replace(/''/g, "'") : body;
  if (!body.includes('\\')) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, escape: string) => {
    if (escape.length === 1) return ESCAPES[escape] ?? fail();
    const code = parseInt(escape.slice(1), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : fail();
  });
}

/** A plain scalar as the YAML 1.2 core schema reads it. */
function resolvePlain(text: string): unknown {
  if (!isPlain(text)) fail();
  if (!CORE_NON_STRING.test(text)) return text;
  switch (text) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  if (text.startsWith('0o')) return parseInt(text.slice(2), 8);
  if (text.startsWith('0x')) return parseInt(text.slice(2), 16);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  if (/\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  return parseFloat(text);
}
