import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { firstInvalidUtf8 } from '../encoding/utf8.js';
import { draftSchema, paragraphSchema, type DraftMeta, type Paragraph } from '../model/schemas.js';
import { DRAFT_FILE, PARAGRAPHS_DIR } from './paragraph-file-name.js';
import { lazyYamlFile } from './lazy-yaml-file.js';
import { contentHash, openParseCache, type ParseCache } from './parse-cache.js';
import { checkSchema } from './schema-issues.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

export interface LoadedParagraph {
  file: string;
  yaml: YamlFile;
  /** Present when the file parsed and matched the schema. */
  paragraph?: Paragraph;
  /** SHA-1 of the file's bytes, its key in the parse cache. */
  hash?: string;
  /** What the paragraph's own checks found, when the cache already knows. */
  problems?: Diagnostic[];
}

/** Every file of a draft folder, parsed and checked file by file (rules across files: `checkDraft`). */
export interface LoadedDraft {
  dir: string;
  draftFile: YamlFile;
  meta?: DraftMeta;
  paragraphs: LoadedParagraph[];
  diagnostics: Diagnostic[];
  /** Parsed paragraphs by content; `checkDraft` records what it checked and saves it. */
  cache: ParseCache;
}

export function loadDraft(dir: string): LoadedDraft {
  const diagnostics: Diagnostic[] = [];
  const draftPath = join(dir, DRAFT_FILE);
  const cache = openParseCache(dir);
  let meta: DraftMeta | undefined;
  let draftFile: YamlFile;
  const draftBytes = existsSync(draftPath) ? readFileSync(draftPath) : undefined;
  const draftHash = draftBytes && firstInvalidUtf8(draftBytes) < 0 ? contentHash(draftBytes) : undefined;
  const cachedMeta = draftHash ? cache.getMeta(draftHash) : undefined;
  if (draftBytes && cachedMeta) {
    draftFile = lazyYamlFile(draftPath, draftBytes.toString('utf8'));
    meta = cachedMeta;
  } else {
    draftFile = readYaml(draftPath, draftBytes);
    diagnostics.push(...draftFile.diagnostics);
    if (draftFile.value !== undefined) {
      const checked = checkSchema(draftSchema, draftFile);
      meta = checked.value;
      diagnostics.push(...checked.diagnostics);
      if (meta && draftHash && draftFile.diagnostics.length === 0) cache.setMeta(draftHash, meta);
    }
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
    paragraphs.push(loadParagraphFile(file, cache, diagnostics));
  }

  return { dir, draftFile, ...(meta ? { meta } : {}), paragraphs, diagnostics, cache };
}

/** One paragraph file: from the cache when its bytes are known, else parsed and checked against the schema. */
function loadParagraphFile(file: string, cache: ParseCache, diagnostics: Diagnostic[]): LoadedParagraph {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    const yaml = readYaml(file);
    diagnostics.push(...yaml.diagnostics);
    return { file, yaml };
  }
  const hash = contentHash(bytes);
  const cached = firstInvalidUtf8(bytes) < 0 ? cache.get(hash) : undefined;
  if (cached) {
    const problems = cached.problems?.map((d) => ({ ...d, file }));
    return { file, yaml: lazyYamlFile(file, bytes.toString('utf8')), paragraph: cached.paragraph, hash, ...(problems ? { problems } : {}) };
  }
  const yaml = readYaml(file, bytes);
  diagnostics.push(...yaml.diagnostics);
  const loaded: LoadedParagraph = { file, yaml, hash };
  if (yaml.value !== undefined) {
    const checked = checkSchema(paragraphSchema, yaml);
    if (checked.value) loaded.paragraph = checked.value;
    diagnostics.push(...checked.diagnostics);
    if (checked.value && yaml.diagnostics.length === 0) cache.set(hash, { paragraph: checked.value });
  }
  return loaded;
}

function readYaml(file: string, given?: Buffer): YamlFile {
  let bytes: Buffer;
  try {
    bytes = given ?? readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String((error as Error).message);
    const yaml = parseYamlFile(file, '');
    return { ...yaml, value: undefined, diagnostics: [{ code: 'READ_FAILED', severity: 'error', message: reason, file }] };
  }
  const source = bytes.toString('utf8');
  const yaml = parseYamlFile(file, source);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    // An error, not a warning: the text would be exported with replacement characters in it.
    const lines = new LineIndex(source);
    const at = lines.point(Buffer.from(bytes.subarray(0, bad)).toString('utf8').length);
    yaml.diagnostics.push({
      code: 'NOT_UTF8',
      severity: 'error',
      message: `the file is not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')}); save it as UTF-8`,
      file,
      ...at,
      sourceLine: lines.lineText(at.line),
    });
  }
  return yaml;
}
