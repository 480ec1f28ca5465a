import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Below this many files a second thread costs more to start (~30–50 ms) than it saves.
 */
export const BACKGROUND_WRITE_MIN_FILES = 500;

// CommonJS, evaluated in the worker: no file of ours to find, so it runs the same from src/ in
// the tests and from the bundle in dist/.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
for (const [path, content] of workerData) writeFileSync(path, content);
parentPort.postMessage('done');
`;

export interface FileWrites {
  /** Settles when every file is written; rejects with the first error. */
  done: Promise<void>;
  /** Stops writing (after a failure elsewhere) and waits until nothing more will be written. */
  stop(): Promise<void>;
}

/**
 * Writes new files on another thread when there are many, so that creating them (system time,
 * ~0.1–0.6 s for 5,000 files on this kind of disk) overlaps with the work the caller does
 * meanwhile (`ndraft import` checks the draft and builds its cache). With few files, writes at
 * once on this thread.
 */
export function writeFiles(files: readonly (readonly [path: string, content: string])[]): FileWrites {
  if (files.length < BACKGROUND_WRITE_MIN_FILES) {
    try {
      for (const [path, content] of files) writeFileSync(path, content);
      return { done: Promise.resolve(), stop: () => Promise.resolve() };
    } catch (error) {
      return { done: Promise.reject(error), stop: () => Promise.resolve() };
    }
  }
  const worker = new Worker(WORKER, { eval: true, workerData: files });
  let finished = false;
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
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
