import { isMap, isNode, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { inputLimits, pastLimit } from '../limits/input-limits.js';

export type YamlPath = readonly PropertyKey[];

/** A parsed YAML file that can say where any value in it stands. */
export interface YamlFile {
  file: string;
  source: string;
  /** The plain value, when the file parsed. */
  value: unknown;
  /** YAML syntax errors and warnings, already placed. */
  diagnostics: Diagnostic[];
  /** Line and column of the value at `path`, or of its nearest existing parent. */
  locate(path: YamlPath): { line: number; column: number; sourceLine: string };
  /** Line and column of the key that ends `path` (for a field that should not be there). */
  locateKey(path: YamlPath): { line: number; column: number; sourceLine: string };
  /**
   * Line and column of character `index` inside the string value at `path`, for errors found in
   * the text itself (an unclosed bracket). Falls back to the start of the value.
   */
  locateInString(path: YamlPath, index: number): { line: number; column: number; sourceLine: string };
}

export function parseYamlFile(file: string, source: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lines = new LineIndex(source);
  const at = (offset: number) => {
    const p = lines.point(Math.max(0, Math.min(offset, source.length)));
    return { ...p, sourceLine: lines.lineText(p.line) };
  };

  const diagnostics: Diagnostic[] = [];
  const linesWithError = new Set<number>();
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const isError = doc.errors.includes(problem as never);
    const unclosed = problem.code === 'MISSING_CHAR' && /quote/.test(problem.message) ? openingQuoteBefore(source, problem.pos[0]) : -1;
    const p = at(unclosed >= 0 ? unclosed : problem.pos[0]);
    // One mistake often trips several follow-on errors on the same line; the first says most.
    if (isError && linesWithError.has(p.line)) continue;
    if (isError) linesWithError.add(p.line);
    diagnostics.push({
      code: `YAML_${problem.code}`,
      severity: isError ? 'error' : 'warning',
      message: unclosed >= 0 ? 'this quote is never closed' : firstLine(problem.message),
      file,
      ...p,
    });
  }

  const nodeAt = (path: YamlPath): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return node;
    }
    return undefined;
  };

  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: inputLimits().aliasCount });
    } catch (error) {
      // yaml throws for an alias bomb ("billion laughs"); the file is then an error like any other.
      if (!/alias/i.test((error as Error).message)) throw error;
      diagnostics.push({ code: 'YAML_TOO_MANY_ALIASES', severity: 'error', message: `the file expands too many aliases (*name), ${pastLimit('aliasCount')}`, file, ...at(0) });
    }
  }

  return {
    file,
    source,
    value,
    diagnostics,
    locate(path) {
      return at(nodeAt(path)?.range?.[0] ?? 0);
    },
    locateKey(path) {
      const parent = doc.getIn(path.slice(0, -1) as unknown[], true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
        if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
      }
      return at(nodeAt(path)?.range?.[0] ?? 0);
    },
    locateInString(path, index) {
      const node = nodeAt(path);
      const start = node?.range?.[0] ?? 0;
      return at(start + offsetInScalar(node, source, index));
    },
  };
}

/**
 * Maps an index in a scalar's value to an offset from the scalar's start in the source. The
 * value's words are found one after the other in the raw text, which holds for plain, quoted,
 * folded and literal scalars over any number of lines; a word written with escapes is skipped.
 */
function offsetInScalar(node: Node | undefined, source: string, index: number): number {
  if (!node || !isScalar(node) || typeof node.value !== 'string' || !node.range) return 0;
  const raw = source.slice(node.range[0], node.range[1]);
  let rawPos = 0;
  for (const word of node.value.matchAll(/\S+/g)) {
    const found = raw.indexOf(word[0], rawPos);
    const start = word.index ?? 0;
    if (found < 0) {
      // Written with escapes (`\u201c`): skip it, the next words place us again.
      if (index < start + word[0].length) return rawPos;
      continue;
    }
    if (index < start + word[0].length) return found + Math.max(0, index - start);
    rawPos = found + word[0].length;
  }
  return rawPos;
}

/** Where the quote stands that the yaml parser found unclosed at `end`: the last one opening a value. */
function openingQuoteBefore(source: string, end: number): number {
  let last = -1;
  for (const match of source.slice(0, end).matchAll(/(?:^|[:\-?,[{]\s*)(["'])/gm)) {
    last = (match.index ?? 0) + match[0].length - 1;
  }
  return last;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
