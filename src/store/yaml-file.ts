import { isMap, isNode, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';

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
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const p = at(problem.pos[0]);
    diagnostics.push({
      code: `YAML_${problem.code}`,
      severity: doc.errors.includes(problem as never) ? 'error' : 'warning',
      message: firstLine(problem.message),
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

  return {
    file,
    source,
    value: doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }),
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

/** Maps an index in a scalar's value to an offset from the scalar's start in the source. */
function offsetInScalar(node: Node | undefined, source: string, index: number): number {
  if (!node || !isScalar(node) || typeof node.value !== 'string' || !node.range) return 0;
  const raw = source.slice(node.range[0], node.range[1]);
  const value = node.value;
  // Single-line plain and quoted scalars without escapes hold the value verbatim, after any quote.
  const verbatim = raw.indexOf(value);
  if (verbatim >= 0 && raw.indexOf(value, verbatim + 1) < 0) return verbatim + index;
  // Otherwise find a short stretch of the value around the index in the raw text.
  const probe = value.slice(index, index + 12);
  if (probe.length > 0) {
    const found = raw.indexOf(probe);
    if (found >= 0) return found;
  }
  return 0;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
