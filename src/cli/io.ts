import { Chalk, type ChalkInstance } from 'chalk';
import { visible } from './visible.js';

/** What a command may touch of the outside world; injected so that commands are testable. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  write(text: string): void;
  error(text: string): void;
}

/**
 * The process's streams. What goes to a terminal, and every message on stderr, shows control
 * characters visibly (`visible`); an export to a file or a pipe is written as it is. A reader
 * that goes away (`ndraft log | head -1`) ends the output quietly: the command still finishes.
 */
export function processIo(): Io {
  const stdoutIsTTY = process.stdout.isTTY === true;
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY,
    write: (text) => {
      if (!stdoutClosed) process.stdout.write(stdoutIsTTY ? visible(text) : text);
    },
    error: (text) => void process.stderr.write(visible(text)),
  };
}

/** Colour only for a terminal, never with NO_COLOR (https://no-color.org), always with FORCE_COLOR. */
export function colorsFor(io: Io, stream: 'stdout' | 'stderr' = 'stdout'): ChalkInstance {
  const force = io.env.FORCE_COLOR;
  let enabled = stream === 'stdout' ? io.stdoutIsTTY : process.stderr.isTTY === true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') enabled = false;
  if (force !== undefined) enabled = force !== '0' && force !== 'false';
  return new Chalk({ level: enabled ? 1 : 0 });
}
