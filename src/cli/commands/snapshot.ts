import { join } from 'node:path';
import { inputError } from '../../diagnostics/diagnostic.js';
import { workingSide } from '../../revisions/draft-side.js';
import { recordRevision, type RevisionFile } from '../../revisions/record-revision.js';
import { locateDraft } from '../../store/locate-draft.js';
import { DRAFT_FILE } from '../../store/paragraph-file-name.js';
import { contentHash } from '../../store/parse-cache.js';
import { isRefusal, readDraftFile } from '../../store/read-draft-file.js';
import { colorsFor, type Io } from '../io.js';
import { whileLocked } from '../lock-draft.js';
import { resolveAuthor } from '../resolve-author.js';

export interface SnapshotOptions {
  draft?: string;
  author?: string;
  /** The old spelling of --author. */
  by?: string;
  message?: string;
  force?: boolean;
}

/**
 * `ndraft snapshot Rev.1`: records the draft's files as they are, hand edits included, as a named
 * revision. The files are taken as their bytes (never written out again from what was parsed),
 * known by the hashes the parse cache already holds, so only files no revision holds are read.
 */
export async function snapshotCommand(name: string, options: SnapshotOptions, io: Io): Promise<number> {
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  const { revision, written } = await whileLocked(io, dir, `snapshot ${name}`, async () => {
    const working = await workingSide(dir);
    const paragraphs = new Map<string, RevisionFile>();
    for (const [address, hash] of working.hashes) {
      const file = working.files.get(address) as string;
      paragraphs.set(address, { hash, bytes: () => bytesOf(dir, file) });
    }
    const draftBytes = bytesOf(dir, join(dir, DRAFT_FILE));
    return recordRevision(dir, {
      name,
      time: new Date(),
      author: resolveAuthor(options.author ?? options.by, io.env, dir),
      ...(options.message !== undefined ? { message: options.message } : {}),
      figures: working.figures,
      draft: { hash: contentHash(draftBytes), bytes: () => draftBytes },
      paragraphs,
      force: options.force === true,
    });
  });
  const c = colorsFor(io);
  const f = revision.figures;
  io.write(
    `${c.green('✓')} Recorded revision ${c.bold(revision.name)}: ${f.paragraphs} paragraphs, ${f.agreed} agreed; ${f.brackets} bracket${f.brackets === 1 ? '' : 's'} and ${f.alternatives} alternative${f.alternatives === 1 ? '' : 's'} left` +
      ` (${written} new file${written === 1 ? '' : 's'} stored; unchanged files are shared with earlier revisions)\n`,
  );
  return 0;
}

function bytesOf(dir: string, file: string): Buffer {
  const bytes = readDraftFile(dir, file);
  if (isRefusal(bytes)) throw inputError(`${file}: ${bytes.unreadable}`);
  return bytes;
}
