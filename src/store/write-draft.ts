import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inputError } from '../diagnostics/diagnostic.js';
import type { Draft } from '../model/schemas.js';
import { temporarySibling } from './atomic-write.js';
import type { LoadedDraft } from './load-draft.js';
import { contentHash, openParseCache } from './parse-cache.js';
import { DRAFT_FILE, PARAGRAPHS_DIR, paragraphFileName } from './paragraph-file-name.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from './serialize.js';
import { writeFiles } from './write-files.js';
import { lazyYamlFile } from './yaml-parser.js';

/** Every file of a draft folder as path (relative to the folder) → content. */
export function draftFiles(draft: Draft, dir: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set(DRAFT_FILE, serializeYaml(draftMetaForYaml(draft.meta), 'draft', join(dir, DRAFT_FILE)));
  for (const paragraph of draft.paragraphs) {
    const name = join(PARAGRAPHS_DIR, paragraphFileName(paragraph.number));
    files.set(name, serializeYaml(paragraphForYaml(paragraph), 'paragraph', join(dir, name)));
  }
  return files;
}

/**
 * Writes a whole draft folder. The files are written into a temporary folder beside the target,
 * which is renamed into place only when complete; with `force`, an existing draft is moved
 * aside first and removed only after the new one is in place.
 * `verify` is given the folder as `loadDraft` would read it, built from what was just written
 * rather than read back (the content is the same: `paragraphForYaml` is what reading gives); it
 * may throw to abandon the write. The parse cache is saved either way, so the first command on
 * the new draft parses nothing.
 */
export async function writeDraftFolder(
  draft: Draft,
  dir: string,
  options: { force: boolean; verify?: (written: LoadedDraft) => Promise<void> | void; name?: string },
): Promise<void> {
  const target = resolve(dir);
  const name = options.name ?? dir;
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw inputError(`${name} exists and is a file, not a draft folder`);
    const entries = readdirSync(target);
    const isDraft = entries.includes(DRAFT_FILE);
    if (entries.length > 0 && !isDraft) {
      throw inputError(`${name} exists and is not an ndraft draft (no ${DRAFT_FILE}); refusing to replace it. Choose another --out`);
    }
    if (isDraft && !options.force) throw inputError(`${name} already holds a draft; use --force to replace it`);
  }

  const staging = temporarySibling(target);
  try {
    mkdirSync(join(staging, PARAGRAPHS_DIR), { recursive: true });
    const cache = openParseCache(staging);
    const meta = draftMetaForYaml(draft.meta);
    const draftContent = serializeYaml(meta, 'draft', join(target, DRAFT_FILE));
    writeFileSync(join(staging, DRAFT_FILE), draftContent);
    cache.setMeta(contentHash(Buffer.from(draftContent)), meta);
    const written: LoadedDraft = {
      dir: staging,
      draftFile: lazyYamlFile(join(staging, DRAFT_FILE), () => draftContent),
      meta,
      paragraphs: [],
      diagnostics: [],
      cache,
    };
    const files: [string, string][] = [];
    for (const given of draft.paragraphs) {
      const name = join(PARAGRAPHS_DIR, paragraphFileName(given.number));
      const paragraph = paragraphForYaml(given);
      const content = serializeYaml(paragraph, 'paragraph', join(target, name));
      const file = join(staging, name);
      files.push([file, content]);
      const hash = contentHash(Buffer.from(content));
      cache.set(hash, { paragraph });
      cache.noteFile(`${PARAGRAPHS_DIR}/${paragraphFileName(given.number)}`, hash);
      written.paragraphs.push({ file, yaml: lazyYamlFile(file, () => content), number: paragraph.number, paragraph, hash });
    }
    const writes = writeFiles(files);
    try {
      // Checked (while the files are being written) before it replaces anything: a draft that
      // would not load is never put in place.
      await options.verify?.(written);
      await writes.done;
      // Saved after the files: their ctimes are then older than the cache file, so the first
      // command on the new draft can record their identities and the next need not read them.
      cache.save();
    } catch (error) {
      await writes.stop();
      throw error;
    }
    if (existsSync(target)) {
      const old = temporarySibling(target);
      renameSync(target, old);
      try {
        renameSync(staging, target);
      } catch (error) {
        renameSync(old, target);
        throw error;
      }
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(staging, target);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
