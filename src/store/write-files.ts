import { closeSync, fstatSync, openSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Below this many files a second thread costs more to start (~30–50 ms) than it saves.
 */
export const BACKGROUND_WRITE_MIN_FILES = 500;

/** How many numbers each file's identity takes in `FileWrites.done`'s array: inode, size, mtime, ctime (ms). */
export const IDENTITY_LENGTH = 4;

// CommonJS, evaluated in the worker: no file of ours to find, so it runs the same from src/ in
// the tests and from the bundle in dist/. Does what `writeAndIdentify` does, below.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, fstatSync, openSync, writeFileSync } = require('node:fs');
const identities = new Float64Array(workerData.length * ${IDENTITY_LENGTH});
workerData.forEach(([path, bytes], i) => {
  const fd = openSync(path, 'w');
  try {
    writeFileSync(fd, bytes);
    const stats = fstatSync(fd);
    identities.set([stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs], i * ${IDENTITY_LENGTH});
  } finally {
    closeSync(fd);
  }
});
parentPort.postMessage(identities, [identities.buffer]);
`;

/** Writes the files in order; returns each one's identity as written (see `FileWrites.done`). */
function writeAndIdentify(files: readonly (readonly [path: string, bytes: Uint8Array])[]): Float64Array {
  const identities = new Float64Array(files.length * IDENTITY_LENGTH);
  files.forEach(([path, bytes], i) => {
    const fd = openSync(path, 'w');
    try {
      writeFileSync(fd, bytes);
      const stats = fstatSync(fd);
      identities.set([stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs], i * IDENTITY_LENGTH);
    } finally {
      closeSync(fd);
    }
  });
  return identities;
}

export interface FileWrites {
  /**
   * Settles when every file is written, with each file's identity as it was once written (taken
   * from the open file, no path looked up again: `IDENTITY_LENGTH` numbers a file, in the order
   * of the files), for the parse cache (`settleWrittenFiles`); rejects with the first error.
   */
  done: Promise<Float64Array>;
  /** Stops writing (after a failure elsewhere) and waits until nothing more will be written. */
  stop(): Promise<void>;
}

/**
 * The UTF-8 bytes of each text, all in one SharedArrayBuffer: handed to the thread that writes
 * them (`writeFiles`) without a copy, and without that thread encoding 5,000 texts again (which
 * grew its heap by ~15 MB, a good part of the Word import's peak memory).
 */
export function sharedBytes(texts: readonly string[]): Buffer[] {
  const lengths = texts.map((text) => Buffer.byteLength(text, 'utf8'));
  const shared = Buffer.from(new SharedArrayBuffer(lengths.reduce((sum, length) => sum + length, 0)));
  let at = 0;
  return texts.map((text, i) => {
    const end = at + (lengths[i] as number);
    shared.write(text, at, 'utf8');
    const bytes = shared.subarray(at, end);
    at = end;
    return bytes;
  });
}

/**
 * Writes new files on another thread when there are many, so that creating them (system time,
 * ~0.1–0.6 s for 5,000 files on this kind of disk) overlaps with the work the caller does
 * meanwhile (`ndraft import` checks the draft and builds its cache). With few files, writes at
 * once on this thread. Bytes in a SharedArrayBuffer (`sharedBytes`) reach the other thread
 * without a copy.
 */
export function writeFiles(files: readonly (readonly [path: string, bytes: Uint8Array])[]): FileWrites {
  if (files.length < BACKGROUND_WRITE_MIN_FILES) {
    try {
      return { done: Promise.resolve(writeAndIdentify(files)), stop: () => Promise.resolve() };
    } catch (error) {
      return { done: Promise.reject(error), stop: () => Promise.resolve() };
    }
  }
  const worker = new Worker(WORKER, { eval: true, workerData: files });
  let finished = false;
  const done = new Promise<Float64Array>((resolve, reject) => {
    worker.once('message', (identities: Float64Array) => resolve(identities));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      finished = true;
      if (code !== 0) reject(new Error(`the thread writing the files stopped with code ${code}`));
    });
  });
  // The caller may stop before awaiting `done`: its rejection must not be unhandled meanwhile.
  done.catch(() => undefined);
  return {
    done,
    stop: async () => {
      if (!finished) await worker.terminate();
    },
  };
}
