/**
 * A hand-written YAML emitter for the plain data ndraft stores, so that writing a draft does not
 * have to load and run the `yaml` library. It follows yaml 2.9.1's stringifier (see
 * node_modules/yaml/dist/stringify/) step by step for the options ndraft uses, which is why some
 * choices below look arbitrary: they are yaml's, kept so that files do not change when the
 * emitter does.
 */

/** Prose that is safe as a plain scalar anywhere: no indicator first, no `: `, ` #`, controls. */
const SAFE_PLAIN_START = /^(?!(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$)[A-Za-z(\u00a0-\ud7ff\ue000-\ufefe\uff00-\uffff]/;
/**
 * What may not follow that first character: a control, a lone surrogate, `:` before a space or
 * the end, ` ` before `#`, a control or the end. A search rather than one pattern over the whole
 * string (`(?:a|b|c)*$`), whose backtracking ran out of stack on a text of ten million characters.
 */
const UNSAFE_PLAIN_REST = /[\x00-\x1f\x7f-\x9f\ud800-\udfff]|:(?![^\x00-\x20])| (?![^\x00-\x1f#])/;
/** Characters yaml always writes inside double quotes: controls and unpaired surrogates. */
const NEEDS_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** yaml's test for strings that may not be plain (stringifyString.js, plainString). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOC_MARKER = /^(%|---|\.\.\.)/m;
/** Plain text the core schema would read as null, a boolean or a number. */
const CORE_NON_STRING = new RegExp(
  [
    '^(?:~|[Nn]ull|NULL)?$',
    '^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$',
    '^0o[0-7]+$',
    '^[-+]?[0-9]+$',
    '^0x[0-9a-fA-F]+$',
    '^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$',
    '^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$',
    '^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$',
  ].join('|'),
);
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;
const DQ_MIN_MULTILINE_LENGTH = 40;
const INDENT_STEP = '  ';
const DQ_SHORT_ESCAPES: Record<string, string> = {
  '0000': '\\0',
  '0007': '\\a',
  '000b': '\\v',
  '001b': '\\e',
  '0085': '\\N',
  '00a0': '\\_',
  '2028': '\\L',
  '2029': '\\P',
};

/**
 * YAML text for plain JSON data (objects, arrays, strings, numbers, booleans, null; `undefined`
 * fields are left out and `undefined` items written as null). It is byte-identical to yaml
 * 2.9.1's `stringify(value, { lineWidth: 0, minContentWidth: 0, indentSeq: true })` except where
 * yaml's own text would not read back as the value, and those places are quoted instead: a
 * byte-order mark opening the document, blank multi-line text whose spaces yaml's block would
 * lose (`' \n'`), and a top-level multi-line string that opens with a space. An object met twice is written out twice
 * where yaml would use an anchor and an alias (cycles are not supported); `undefined` alone gives
 * `null`. For any such value, yaml's `parse` reads the text back as an equal value.
 */
export function emitYaml(input: unknown): string {
  const value = withToJSON(input);
  const body = emitNode(value, '');
  // A byte-order mark opening the text would be dropped by the reader, so it goes inside quotes.
  if (body.charCodeAt(0) !== 0xfeff) return `${body}\n`;
  if (typeof value === 'string') return `${doubleQuoted(value, '', false)}\n`;
  const record = value as Record<string, unknown>;
  const firstKey = Object.keys(record).find((key) => record[key] !== undefined) ?? '';
  return `${doubleQuoted(firstKey, INDENT_STEP, true)}${body.slice(firstKey.length)}\n`;
}

/** `indent` is what yaml calls `ctx.indent`: the indentation of the lines that continue this node. */
function emitNode(input: unknown, indent: string): string {
  const value = withToJSON(input);
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return emitString(value, indent, false);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return emitNumber(value);
    case 'bigint':
      return String(value);
    case 'object':
      break;
    default:
      return 'null';
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const itemIndent = indent + INDENT_STEP;
    let out = '';
    for (let i = 0; i < value.length; i++) {
      out += `${i === 0 ? '' : `\n${indent}`}- ${emitNode(value[i], itemIndent)}`;
    }
    return out;
  }
  const record = value as Record<string, unknown>;
  let out = '';
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out === '' ? '' : `\n${indent}`}${emitPair(key, withToJSON(item), indent)}`;
  }
  return out === '' ? '{}' : out;
}

/** What yaml writes for an object with a toJSON method (a Date, say): its toJSON(). */
function withToJSON(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === 'function' ? (toJSON as () => unknown).call(value) : value;
}

function emitPair(key: string, value: unknown, indent: string): string {
  const inner = indent + INDENT_STEP;
  const keyText = emitString(key, inner, true);
  const valueText = emitNode(value, inner);
  // yaml switches to an explicit `? key` when an implicit key would pass the 1024-character limit.
  if (keyText.length > 1024) return `? ${keyText}\n${indent}: ${valueText}`;
  const filled = typeof value === 'object' && value !== null && valueText !== '[]' && valueText !== '{}';
  return filled ? `${keyText}:\n${inner}${valueText}` : `${keyText}: ${valueText}`;
}

function emitNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : String(value);
}

/** yaml's stringifyString with `type` unset, `actualString` and the core schema. */
function emitString(value: string, indent: string, implicitKey: boolean): string {
  if (SAFE_PLAIN_START.test(value) && !UNSAFE_PLAIN_REST.test(value.slice(1))) return value;
  if (NEEDS_DOUBLE.test(value)) return doubleQuoted(value, indent, implicitKey);
  const multiLine = value.includes('\n');
  if (implicitKey && multiLine) return quoted(value, indent, implicitKey);
  if (NOT_PLAIN.test(value)) {
    return implicitKey || !multiLine ? quoted(value, indent, implicitKey) : blockLiteral(value, indent, false);
  }
  if (multiLine) return blockLiteral(value, indent, false);
  if (DOC_MARKER.test(value)) {
    if (indent === '') return blockLiteral(value, indent, true);
    if (implicitKey && indent === INDENT_STEP) return quoted(value, indent, implicitKey);
  }
  return CORE_NON_STRING.test(value) ? quoted(value, indent, implicitKey) : value;
}

function quoted(value: string, indent: string, implicitKey: boolean): string {
  return value.includes('"') && !value.includes("'")
    ? singleQuoted(value, indent, implicitKey)
    : doubleQuoted(value, indent, implicitKey);
}

function singleQuoted(value: string, indent: string, implicitKey: boolean): string {
  if ((implicitKey && value.includes('\n')) || /[ \t]\n|\n[ \t]/.test(value)) {
    return doubleQuoted(value, indent, implicitKey);
  }
  const lineIndent = indent || (DOC_MARKER.test(value) ? INDENT_STEP : '');
  return `'${value.replace(/'/g, "''").replace(/\n+/g, `$&\n${lineIndent}`)}'`;
}

/** yaml's doubleQuotedString: JSON escapes, YAML short escapes, long values broken at `\n`. */
function doubleQuoted(value: string, indent: string, implicitKey: boolean): string {
  const json = JSON.stringify(value);
  if (!json.includes('\\')) return json;
  const lineIndent = indent || (DOC_MARKER.test(value) ? INDENT_STEP : '');
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // A space before a line break is escaped so that it is not folded away.
      str += `${json.slice(start, i)}\\ `;
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    const next = json[i + 1];
    if (next === 'u') {
      str += json.slice(start, i);
      const code = json.slice(i + 2, i + 6);
      str += DQ_SHORT_ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.slice(i, i + 6));
      i += 5;
      start = i + 1;
    } else if (next === 'n' && !implicitKey && json[i + 2] !== '"' && json.length >= DQ_MIN_MULTILINE_LENGTH) {
      // A line break is written as a real one (folding eats the first, hence two).
      str += `${json.slice(start, i)}\n\n`;
      while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
        str += '\n';
        i += 2;
      }
      str += lineIndent;
      if (json[i + 2] === ' ') str += '\\';
      i += 1;
      start = i + 1;
    } else {
      i += 1;
    }
  }
  return start ? str + json.slice(start) : json;
}

/** yaml's blockString as a literal (`|`), the only block style it picks when lines are unlimited. */
function blockLiteral(text: string, indent: string, forceIndent: boolean): string {
  if (/\n[\t ]+$/.test(text) || blockLosesSpaces(text)) return quoted(text, indent, false);
  const lineIndent = indent || (forceIndent || DOC_MARKER.test(text) ? INDENT_STEP : '');
  let value = text;
  let endStart = value.length;
  while (endStart > 0) {
    const ch = value[endStart - 1];
    if (ch !== '\n' && ch !== '\t' && ch !== ' ') break;
    endStart--;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf('\n');
  const chomp = endNlPos === -1 ? '-' : value === end || endNlPos !== end.length - 1 ? '+' : '';
  if (end) {
    value = value.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${lineIndent}`);
  }
  let startWithSpace = false;
  let startEnd = 0;
  let startNlPos = -1;
  for (; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNlPos = startEnd;
    else break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${lineIndent}`);
  }
  // At the top level yaml would write a `|1` header, which its reader rejects.
  if (startWithSpace && !lineIndent) return doubleQuoted(text, indent, false);
  const header = (startWithSpace ? '2' : '') + chomp;
  return `|${header}\n${lineIndent}${start}${value.replace(/\n+/g, `$&${lineIndent}`)}${end}`;
}

/**
 * Blank text (spaces, tabs, breaks) that yaml would write as a block that reads back without
 * some of its spaces: with no tab, every space; else the spaces opening the first line with one.
 */
function blockLosesSpaces(text: string): boolean {
  if (!/^[\n\t ]*$/.test(text)) return false;
  return text.includes('\t') ? /^(?:[ ]*\n)*[ ]+\t/.test(text) : text.includes(' ');
}
