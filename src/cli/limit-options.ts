import { usageError } from '../diagnostics/diagnostic.js';
import { BYTE_LIMITS, LIMIT_NAMES, type InputLimits } from '../limits/input-limits.js';

/** The limit flags as commander gives them (`--max-file-size 64M` → `maxFileSize: '64M'`). */
export interface LimitFlags {
  maxFileSize?: string;
  maxLineLength?: string;
  maxDepth?: string;
  maxAliases?: string;
  maxPdfPages?: string;
  maxZipSize?: string;
  maxZipEntries?: string;
  maxXmlDepth?: string;
}

const FLAG_KEYS: Record<keyof InputLimits, keyof LimitFlags> = {
  fileSize: 'maxFileSize',
  lineLength: 'maxLineLength',
  depth: 'maxDepth',
  aliasCount: 'maxAliases',
  pdfPages: 'maxPdfPages',
  zipSize: 'maxZipSize',
  zipEntries: 'maxZipEntries',
  xmlDepth: 'maxXmlDepth',
};

/** Walks over the bracket tree recurse once per level: past this depth they could overflow the stack. */
export const MAX_DEPTH_CEILING = 1000;

const UNITS: Record<string, number> = { '': 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** The limits asked for: a flag wins over its environment variable; a bad value is a usage error (exit 2). */
export function limitsFrom(flags: LimitFlags, env: NodeJS.ProcessEnv): Partial<InputLimits> {
  const out: Partial<InputLimits> = {};
  for (const name of Object.keys(LIMIT_NAMES) as (keyof InputLimits)[]) {
    const { flag, env: variable } = LIMIT_NAMES[name];
    const fromFlag = flags[FLAG_KEYS[name]];
    const given = fromFlag ?? env[variable];
    if (given === undefined || given.trim() === '') continue;
    const source = fromFlag !== undefined ? flag : variable;
    out[name] = parseLimit(given, source, BYTE_LIMITS.has(name));
    if (name === 'depth' && out.depth! > MAX_DEPTH_CEILING) throw usageError(`${source} can be at most ${MAX_DEPTH_CEILING}, not ${given}`);
  }
  return out;
}

function parseLimit(value: string, source: string, bytes: boolean): number {
  const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(value);
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined || (!bytes && unit !== 1) || Number(match[1]) < 1) {
    throw usageError(`${source} takes a positive whole number${bytes ? ' of bytes, optionally with K, M or G' : ''}, not "${value}"`);
  }
  return Number(match[1]) * unit;
}
