import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { draftSchema, paragraphSchema, type DraftMeta, type Paragraph } from '../model/schemas.js';
import { DRAFT_FILE, PARAGRAPHS_DIR } from './paragraph-file-name.js';
import { checkSchema } from './schema-issues.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

export interface LoadedParagraph {
  file: string;
  yaml: YamlFile;
  /** Present when the file parsed and matched the schema. */
  paragraph?: Paragraph;
}

/** Every file of a draft folder, parsed and checked file by file (rules across files: `checkDraft`). */
export interface LoadedDraft {
  dir: string;
  draftFile: YamlFile;
  meta?: DraftMeta;
  paragraphs: LoadedParagraph[];
  diagnostics: Diagnostic[];
}

export function loadDraft(dir: string): LoadedDraft {
  const diagnostics: Diagnostic[] = [];
  const draftPath = join(dir, DRAFT_FILE);
  const draftFile = readYaml(draftPath);
  diagnostics.push(...draftFile.diagnostics);
  let meta: DraftMeta | undefined;
  if (draftFile.value !== undefined) {
    const checked = checkSchema(draftSchema, draftFile);
    meta = checked.value;
    diagnostics.push(...checked.diagnostics);
  }

  const paragraphsDir = join(dir, PARAGRAPHS_DIR);
  const names = existsSync(paragraphsDir) ? readdirSync(paragraphsDir).sort() : [];
  const paragraphs: LoadedParagraph[] = [];
  for (const name of names) {
    const file = join(paragraphsDir, name);
    if (!name.endsWith('.yaml')) {
      if (name.endsWith('.yml')) {
        diagnostics.push({
          code: 'STRAY_FILE',
          severity: 'warning',
          message: `ignored: paragraph files end in .yaml, not .yml (rename ${name})`,
          file,
        });
      }
      continue;
    }
    const yaml = readYaml(file);
    diagnostics.push(...yaml.diagnostics);
    const loaded: LoadedParagraph = { file, yaml };
    if (yaml.value !== undefined) {
      const checked = checkSchema(paragraphSchema, yaml);
      if (checked.value) loaded.paragraph = checked.value;
      diagnostics.push(...checked.diagnostics);
    }
    paragraphs.push(loaded);
  }

  return { dir, draftFile, ...(meta ? { meta } : {}), paragraphs, diagnostics };
}

function readYaml(file: string): YamlFile {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String((error as Error).message);
    const yaml = parseYamlFile(file, '');
    return { ...yaml, value: undefined, diagnostics: [{ code: 'READ_FAILED', severity: 'error', message: reason, file }] };
  }
  if (source.includes('\uFFFD')) {
    // Not fatal: YAML would take it, but the text would be wrong.
    const yaml = parseYamlFile(file, source);
    const lines = new LineIndex(source);
    const at = lines.point(source.indexOf('\uFFFD'));
    yaml.diagnostics.push({
      code: 'NOT_UTF8',
      severity: 'warning',
      message: 'the file has characters that are not valid UTF-8 (shown as \uFFFD)',
      file,
      ...at,
      sourceLine: lines.lineText(at.line),
    });
    return yaml;
  }
  return parseYamlFile(file, source);
}
