import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inputError } from '../diagnostics/diagnostic.js';
import type { Draft, DraftMeta, Paragraph } from '../model/schemas.js';
import { temporarySibling } from './atomic-write.js';
import type { LoadedDraft } from './load-draft.js';
import { contentHash, openParseCache } from './parse-cache.js';
import { DRAFT_FILE, PARAGRAPHS_DIR, paragraphFileName } from './paragraph-file-name.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from './serialize.js';
import { writeFiles } from './write-files.js';
import { lazyYamlFile } from './yaml-parser.js';

/** A file of a draft folder: its name in the folder, its text, and the value that text holds. */
export type DraftFile = { name: string; content: string } & ({ meta: DraftMeta } | { paragraph: Paragraph });

/** Every file of a draft folder to be written in `dir`: draft.yaml first, then the paragraphs. */
export function draftFiles(draft: Draft, dir: string): DraftFile[] {
  const meta = draftMetaForYaml(draft.meta);
  const files: DraftFile[] = [{ name: DRAFT_FILE, content: serializeYaml(meta, 'draft', join(dir, DRAFT_FILE)), meta }];
  for (const given of draft.paragraphs) {
    const name = `${PARAGRAPHS_DIR}/${paragraphFileName(given.address)}`;
    const paragraph = paragraphForYaml(given);
    files.push({ name, content: serializeYaml(paragraph, 'paragraph', join(dir, name)), paragraph });
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
    const written: LoadedDraft = {
      dir: staging,
      draftFile: lazyYamlFile(join(staging, DRAFT_FILE), () => ''),
      paragraphs: [],
      diagnostics: [],
      cache,
    };
    const files: [string, string][] = [];
    for (const { name, content, ...value } of draftFiles(draft, target)) {
      const file = join(staging, name);
      const hash = contentHash(Buffer.from(content));
      const yaml = lazyYamlFile(file, () => content);
      if ('meta' in value) {
        writeFileSync(file, content);
        cache.setMeta(hash, value.meta);
        written.draftFile = yaml;
        written.meta = value.meta;
        continue;
      }
      files.push([file, content]);
      cache.set(hash, { paragraph: value.paragraph });
      cache.noteFile(name, hash);
      written.paragraphs.push({ file, yaml, address: value.paragraph.address, paragraph: value.paragraph, hash });
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
