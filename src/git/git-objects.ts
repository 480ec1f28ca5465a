import { spawn } from 'node:child_process';
import { inputError } from '../diagnostics/diagnostic.js';
import { formatBytes, inputLimits, pastLimit } from '../limits/input-limits.js';
import { contentHash } from '../store/parse-cache.js';
import type { FileBytes } from '../store/parse-files.js';

/**
 * Blobs of one repository, read through `git cat-file --batch --buffer` (one process per call,
 * however many objects) and kept for the life of the command: two commits compared share most of
 * their files, which are then read once. Git's output is read as it comes; an object larger than
 * the input limit is dropped as it streams past and stands as a refusal, so memory never holds
 * more than the objects accepted.
 */
export class GitObjects {
  readonly #read = new Map<string, FileBytes>();
  readonly #hashes = new Map<string, string>();

  constructor(readonly root: string) {}

  /** The SHA-1 of an object's bytes (not git's id, which hashes a header too), as the parse cache keys them. */
  contentHash(object: string, bytes: Uint8Array): string {
    let hash = this.#hashes.get(object);
    if (hash === undefined) {
      hash = contentHash(bytes);
      this.#hashes.set(object, hash);
    }
    return hash;
  }

  /** Each object's bytes, or why they are not read; objects already read are not asked for again. */
  async read(objects: readonly string[]): Promise<ReadonlyMap<string, FileBytes>> {
    const missing = [...new Set(objects.filter((object) => !this.#read.has(object)))];
    if (missing.length > 0) {
      for (const [object, bytes] of await catFile(this.root, missing)) this.#read.set(object, bytes);
    }
    return this.#read;
  }
}

/** What `cat-file --batch` prints for each object: "<object> blob <size>\n", the bytes, "\n". */
function catFile(root: string, objects: readonly string[]): Promise<Map<string, FileBytes>> {
  const limit = inputLimits().fileSize;
  return new Promise((resolve, reject) => {
    const git = spawn('git', ['cat-file', '--batch', '--buffer'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const read = new Map<string, FileBytes>();
    let stderr = '';
    let pending: Buffer = Buffer.alloc(0);
    let next = 0;
    // The object being received: its name, size, and the chunks so far (none kept when it is too large).
    let current: { object: string; size: number; got: number; chunks: Buffer[] | undefined } | undefined;
    let failed = false;
    const fail = (error: Error) => {
      failed = true;
      git.kill();
      reject(error);
    };

    git.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      let data: Buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      pending = Buffer.alloc(0);
      while (data.length > 0) {
        if (current === undefined) {
          const end = data.indexOf(10);
          if (end < 0) {
            if (data.length > 4096) return fail(inputError('git printed something other than the objects asked for'));
            pending = data;
            return;
          }
          const header = data.toString('utf8', 0, end);
          data = data.subarray(end + 1);
          const match = /^([0-9a-f]+) blob (\d+)$/.exec(header);
          const object = objects[next++];
          if (!match || object === undefined || match[1] !== object) return fail(inputError(`git did not give the file ${object ?? ''}: ${header || 'nothing'}`));
          const size = Number(match[2]);
          if (size > limit) read.set(object, { unreadable: `not read: it is ${formatBytes(size)}, ${pastLimit('fileSize', formatBytes(limit))}` });
          current = { object, size, got: 0, chunks: size > limit ? undefined : [] };
          continue;
        }
        // The object's bytes, then the newline after them.
        const wanted = current.size + 1 - current.got;
        const part = data.subarray(0, wanted);
        current.chunks?.push(part);
        current.got += part.length;
        data = data.subarray(part.length);
        if (current.got === current.size + 1) {
          if (current.chunks) read.set(current.object, Buffer.concat(current.chunks).subarray(0, current.size));
          current = undefined;
        }
      }
    });
    git.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    git.on('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ENOENT' ? inputError('git is not installed (or not on PATH); install it to use the git commands of ndraft') : error));
    git.on('close', (code) => {
      if (code !== 0 || next !== objects.length || current !== undefined) {
        reject(inputError(`git cannot read the draft's files: ${stderr.trim().split('\n').pop() ?? `cat-file ended with ${code}`}`));
      } else resolve(read);
    });
    git.stdin.on('error', () => undefined);
    git.stdin.end(`${objects.join('\n')}\n`);
  });
}
