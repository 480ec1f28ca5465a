#!/usr/bin/env node
/**
 * `node copy-files.mjs <draft-dir> <out-dir>`: the disk floor for `ndraft import`. A bare Node
 * program that reads every file of a draft folder and writes the same bytes under <out-dir>, one
 * writeFileSync per file as ndraft does. An import cannot be faster than this on the same disk.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [from, out] = process.argv.slice(2);
if (!from || !out) throw new Error('usage: copy-files.mjs <draft-dir> <out-dir>');
const files = [['draft.yaml', readFileSync(join(from, 'draft.yaml'))]];
for (const name of readdirSync(join(from, 'paragraphs'))) files.push([join('paragraphs', name), readFileSync(join(from, 'paragraphs', name))]);
mkdirSync(join(out, 'paragraphs'), { recursive: true });
for (const [name, bytes] of files) writeFileSync(join(out, name), bytes);
