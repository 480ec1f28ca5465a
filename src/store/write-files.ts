import { closeSync, fstatSync, openSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Below this many files a second thread costs more to start (~30–50 ms) than it saves.
 */
export const BACKGROUND_WRITE_MIN_FILES = 500;

/** How many numbers each file's identity takes in `FileWriter.done`'s array: inode, size, mtime, ctime (ms). */
export const IDENTITY_LENGTH = 4;

/** A file to write: its path and its bytes (best in a SharedArrayBuffer, `sharedBytes`, to reach the writing thread without a copy). */
export type FileToWrite = readonly [path: string, bytes: Uint8Array];

// CommonJS, evaluated in the worker: no file of ours to find, so it runs the same from src/ in
// the tests and from the bundle in dist/. Each message is a batch of files, written at once (as
// `writeAndIdentify` does, below); `null` ends the list, and the identities of all are sent back.
// A file that cannot be written throws out of the handler: the thread stops with that error.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, fstatSync, openSync, writeFileSync } = require('node:fs');
const batches = [];
parentPort.on('message', (files) => {
  if (files !== null) {
    const identities = new Float64Array(files.length * ${IDENTITY_LENGTH});
    files.forEach(([path, bytes], i) => {
      const fd = openSync(path, 'w', workerData.mode);
      try {
        writeFileSync(fd, bytes);
        const stats = fstatSync(fd);
        identities.set([stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs], i * ${IDENTITY_LENGTH});
      } finally {
        closeSync(fd);
      }
    });
    batches.push(identities);
    return;
  }
  const all = new Float64Array(batches.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of batches) {
    all.set(b, at);
    at += b.length;
  }
  parentPort.postMessage(all, [all.buffer]);
  parentPort.close();
});
`;

/** Writes the files in order; returns each one's identity as written (see `FileWriter.done`). */
function writeAndIdentify(files: readonly FileToWrite[], mode: number): Float64Array {
  const identities = new Float64Array(files.length * IDENTITY_LENGTH);
  files.forEach(([path, bytes], i) => {
    const fd = openSync(path, 'w', mode);
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

export interface FileWriter {
  /** Writes these files after those given before (on the other thread: at once, while the caller goes on). */
  write(files: readonly FileToWrite[]): void;
  /**
   * Call once every file is given: settles when every file is written, with each file's
   * identity as it was once written (taken from the open file, no path looked up again:
   * `IDENTITY_LENGTH` numbers a file, in the order the files were given), for the parse cache
   * (`settleWrittenFiles`); rejects with the first error.
   */
  done(): Promise<Float64Array>;
  /** Stops writing (after a failure elsewhere) and waits until nothing more will be written. */
  stop(): Promise<void>;
}

/**
 * A writer of new files, given them batch by batch as the caller makes them. For `expected`
 * files or more, they are written on another thread, started now, so that creating them (system
 * time, ~0.1–0.6 s for 5,000 files on this kind of disk, more when the disk is busy) begins with
 * the first batch and overlaps everything the caller does meanwhile: `ndraft import` serialises
 * the rest of the paragraphs, checks the draft, builds its cache and records its revision while
 * the first files are being created, instead of creating them all once every text is ready.
 * With fewer, each batch is written at once on this thread. Bytes in a SharedArrayBuffer
 * (`sharedBytes`) reach the other thread without a copy. A new file gets `mode` (less the umask).
 */
export function startWriting(expected: number, mode = 0o666): FileWriter {
  return expected < BACKGROUND_WRITE_MIN_FILES ? writeHere(mode) : writeInBackground(mode);
}

function writeHere(mode: number): FileWriter {
  const written: Float64Array[] = [];
  let failure: { error: unknown } | undefined;
  return {
    write(files) {
      if (failure) return;
      try {
        written.push(writeAndIdentify(files, mode));
      } catch (error) {
        failure = { error };
      }
    },
    done: () => (failure ? Promise.reject(failure.error) : Promise.resolve(concatenate(written))),
    stop: () => Promise.resolve(),
  };
}

function writeInBackground(mode: number): FileWriter {
  const worker = new Worker(WORKER, { eval: true, workerData: { mode } });
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
    write(files) {
      if (!finished) worker.postMessage(files);
    },
    done() {
      if (!finished) worker.postMessage(null);
      return done;
    },
    stop: async () => {
      if (!finished) await worker.terminate();
    },
  };
}

function concatenate(arrays: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    all.set(a, at);
    at += a.length;
  }
  return all;
}

/**
 * The UTF-8 bytes of each text, all in one SharedArrayBuffer: handed to the thread that writes
 * them (`startWriting`) without a copy, and without that thread encoding the texts again (which
 * grew its heap by ~15 MB for 5,000 paragraphs, a good part of the Word import's peak memory).
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
