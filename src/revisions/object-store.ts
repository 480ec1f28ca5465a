import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../store/atomic-write.js';
import { contentHash } from '../store/parse-cache.js';
import { OBJECTS_DIR } from './revision-folders.js';
import { isRefusal, readDraftFile, refusalDiagnostic, type Refusal } from '../store/read-draft-file.js';

/**
 * The contents of a draft's revisions, stored once each under the SHA-1 of their bytes (the
 * hash the parse cache already keeps for every file, so a snapshot of unchanged files hashes
 * nothing). Like git's packs, the objects one snapshot adds are written together as one pack,
 * `revisions/objects/<hash>.pack`, the bytes one after the other, with an index beside it,
 * `<hash>.idx`: a line `ndraft-pack 1`, then one line per object, `<sha1> <offset> <length>`.
 * A snapshot thus writes two files however large the draft, and only what no revision holds
 * yet. The index is written after its pack, so a pack without one (a snapshot killed midway) is
 * never read, and harmless.
 */
const INDEX_HEADER = 'ndraft-pack 1';
const ENTRY = /^([0-9a-f]{40}) (\d+) (\d+)$/;

interface Location {
  pack: string;
  offset: number;
  length: number;
}

export class ObjectStore {
  /** Where each object is; read from the indexes when first asked. */
  #index: Map<string, Location> | undefined;
  readonly #packs = new Map<string, Buffer | undefined>();
  /** Problems met in the indexes and packs: `validate` reports them, readers fail on the object concerned. */
  readonly problems: Diagnostic[] = [];

  constructor(readonly dir: string) {}

  has(hash: string): boolean {
    return this.index().has(hash);
  }

  /** The object's bytes, checked against its hash; undefined when it is missing or damaged (see `problems`). */
  read(hash: string): Buffer | undefined {
    const at = this.index().get(hash);
    if (!at) return undefined;
    const pack = this.pack(at.pack);
    if (!pack) return undefined;
    const bytes = pack.subarray(at.offset, at.offset + at.length);
    if (bytes.length !== at.length || contentHash(bytes) !== hash) {
      this.problems.push({ code: 'DAMAGED_OBJECT', severity: 'error', message: `object ${hash} is damaged: its bytes do not have that hash`, file: join(this.dir, at.pack) });
      return undefined;
    }
    return bytes;
  }

  /** Stores the objects not stored yet as one pack; returns how many were written. `durable: false` skips flushing the pack and its index (`writeFileAtomic`). */
  add(objects: ReadonlyMap<string, Uint8Array>, options: { durable?: boolean } = {}): number {
    const fresh = [...objects].filter(([hash]) => !this.has(hash));
    if (fresh.length === 0) return 0;
    const lines = [INDEX_HEADER];
    const offsets: number[] = [];
    let offset = 0;
    for (const [hash, bytes] of fresh) {
      lines.push(`${hash} ${offset} ${bytes.length}`);
      offsets.push(offset);
      offset += bytes.length;
    }
    const pack = Buffer.concat(fresh.map(([, bytes]) => bytes));
    const name = contentHash(pack);
    const folder = join(this.dir, OBJECTS_DIR);
    mkdirSync(folder, { recursive: true });
    writeFileAtomic(join(folder, `${name}.pack`), pack, options);
    writeFileAtomic(join(folder, `${name}.idx`), `${lines.join('\n')}\n`, options);
    const index = this.index();
    // One path for all (an import stores 5,000 objects: a join and a split each were ~30 ms).
    const packPath = join(OBJECTS_DIR, `${name}.pack`);
    fresh.forEach(([hash, bytes], i) => index.set(hash, { pack: packPath, offset: offsets[i] as number, length: bytes.length }));
    this.#packs.set(packPath, pack);
    return fresh.length;
  }

  /** Every index, read once: a damaged index is reported and its objects are missing. */
  private index(): Map<string, Location> {
    if (this.#index) return this.#index;
    const index = new Map<string, Location>();
    const folder = join(this.dir, OBJECTS_DIR);
    const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.idx')).sort() : [];
    for (const name of names) {
      const file = join(folder, name);
      const bytes = readDraftFile(this.dir, file);
      if (isRefusal(bytes)) {
        this.problems.push(refusalDiagnostic(file, bytes));
        continue;
      }
      const lines = bytes.toString('utf8').split('\n');
      if (lines.at(-1) === '') lines.pop();
      const pack = join(OBJECTS_DIR, `${name.slice(0, -'.idx'.length)}.pack`);
      if (lines[0] !== INDEX_HEADER) {
        this.problems.push({ code: 'DAMAGED_INDEX', severity: 'error', message: `not a pack index: the first line must be "${INDEX_HEADER}"`, file, line: 1, column: 1, sourceLine: lines[0] ?? '' });
        continue;
      }
      lines.slice(1).forEach((line, i) => {
        const entry = ENTRY.exec(line);
        if (!entry) {
          this.problems.push({ code: 'DAMAGED_INDEX', severity: 'error', message: 'a pack index line is "<sha1> <offset> <length>"', file, line: i + 2, column: 1, sourceLine: line });
          return;
        }
        index.set(entry[1] as string, { pack, offset: Number(entry[2]), length: Number(entry[3]) });
      });
    }
    this.#index = index;
    return index;
  }

  private pack(name: string): Buffer | undefined {
    if (this.#packs.has(name)) return this.#packs.get(name);
    const file = join(this.dir, name);
    const pack = readPack(file);
    if (isRefusal(pack)) this.problems.push(refusalDiagnostic(file, pack));
    this.#packs.set(name, isRefusal(pack) ? undefined : pack);
    return isRefusal(pack) ? undefined : pack;
  }
}

/**
 * A pack's bytes. A pack holds many files, so it may pass the limit on one file's size; it is
 * read only when it is a regular file in the draft (never through a link: SECURITY.md), and each
 * object read from it is checked against its hash.
 */
function readPack(file: string): Buffer | Refusal {
  try {
    const stats = lstatSync(file);
    if (!stats.isFile()) return { unreadable: 'a pack must be a regular file, not a link or a folder' };
    return readFileSync(file);
  } catch (error) {
    return { unreadable: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String((error as Error).message) };
  }
}
