import { readFileSync } from 'node:fs';

/** The version in package.json, read once (bin/ndraft reads it the same way for --version). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
