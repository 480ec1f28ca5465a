import { Chalk, type ChalkInstance } from 'chalk';

/** What a command may touch of the outside world; injected so that commands are testable. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  write(text: string): void;
  error(text: string): void;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    write: (text) => void process.stdout.write(text),
    error: (text) => void process.stderr.write(text),
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
