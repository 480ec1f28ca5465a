import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputError } from '../../diagnostics/diagnostic.js';
import { renderJson } from '../../render/render-json.js';
import { renderText } from '../../render/render-text.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { displayPath } from '../format-diagnostic.js';
import type { Io } from '../io.js';
import { openDraft } from '../open-draft.js';

export interface ExportOptions {
  draft?: string;
  format: 'text' | 'json';
  output?: string;
  force?: boolean;
}

export async function exportCommand(options: ExportOptions, io: Io): Promise<number> {
  const { draft } = openDraft(options.draft, io.cwd);
  const content = options.format === 'json' ? renderJson(draft) : renderText(draft);
  if (options.output === undefined) {
    io.write(content);
    return 0;
  }
  const target = resolve(io.cwd, options.output);
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw inputError(`${options.output} is a folder; -o takes a file name`);
    if (!options.force) throw inputError(`${options.output} already exists; use --force to overwrite it`);
  }
  if (!existsSync(resolve(target, '..'))) throw inputError(`cannot write ${options.output}: its folder does not exist`);
  writeFileAtomic(target, content);
  io.error(`Exported ${draft.paragraphs.length} paragraphs as ${options.format} to ${displayPath(target, io.cwd)}\n`);
  return 0;
}
