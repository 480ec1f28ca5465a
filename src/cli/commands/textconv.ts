import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputError } from '../../diagnostics/diagnostic.js';
import { formatBytes, inputLimits, pastLimit } from '../../limits/input-limits.js';
import { renderTextconv } from '../../render/render-textconv.js';
import { loadParsers } from '../../store/yaml-parser.js';
import type { Io } from '../io.js';

/**
 * `ndraft textconv <file>`: a paragraph file as readable lines, for git's diff driver
 * (`diff.ndraft.textconv`, written by `ndraft git-setup`). Git runs it on each side of a diff,
 * often on a temporary copy outside any draft. A file that does not read as a paragraph (conflict
 * markers, draft.yaml, anything else) is printed as it is, so that git diff always works.
 */
export async function textconvCommand(file: string, io: Io): Promise<number> {
  const path = resolve(io.cwd, file);
  const size = statSync(path).size;
  if (size > inputLimits().fileSize) throw inputError(`${file} is ${formatBytes(size)}, ${pastLimit('fileSize', formatBytes(inputLimits().fileSize))}`);
  const bytes = readFileSync(path);
  const parsers = await loadParsers();
  const { paragraph, diagnostics } = parsers.parseParagraphFile(path, bytes);
  if (paragraph && !diagnostics.some((d) => d.severity === 'error')) io.write(renderTextconv(paragraph));
  else io.write(bytes.toString('utf8'));
  return 0;
}
