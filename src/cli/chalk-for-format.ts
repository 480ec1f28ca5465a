import { Chalk, type ChalkInstance } from 'chalk';
import { colorsFor, type Io } from './io.js';

/** For a command with a `color` format: asked-for colour is given even to a pipe; the other formats are never coloured. */
export function chalkForFormat(format: string, io: Io): ChalkInstance {
  if (format !== 'color') return new Chalk({ level: 0 });
  const c = colorsFor(io);
  return c.level > 0 ? c : new Chalk({ level: 1 });
}
