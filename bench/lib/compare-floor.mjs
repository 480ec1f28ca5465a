#!/usr/bin/env node
/**
 * The floor of a warm `compare` on a large draft, in Node, with nothing of ndraft loaded:
 *
 *   node bench/lib/compare-floor.mjs <draft>
 *
 * lists `paragraphs/` and stats every file (as the parse cache needs each file's identity),
 * reads the parse cache and checks it as `readCacheFile` does (SHA-1 of its index, CRC-32 of each
 * paragraph), and reads the object cache's index. Timed beside `wdiff` on the two texts (issue
 * 11's target) it shows what the draft's form alone costs before any comparing.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

const dir = process.argv[2];
if (!dir) throw new Error('give the draft folder');
for (const name of readdirSync(`${dir}/paragraphs`)) lstatSync(`${dir}/paragraphs/${name}`);
const cache = readFileSync(`${dir}/.ndraft/cache`);
const indexLength = Number(/^ndraft-cache (\d+)/.exec(cache.toString('latin1', 0, 128))?.[1]);
createHash('sha1').update(cache.subarray(128, 128 + indexLength)).digest('hex');
const index = JSON.parse(cache.toString('utf8', 128, 128 + indexLength));
const body = cache.subarray(128 + indexLength);
for (let i = 0; i < index.rows.length; i++) crc32(body.subarray(index.slices[2 * i], index.slices[2 * i] + index.slices[2 * i + 1]));
const objects = readFileSync(`${dir}/.ndraft/objects`);
JSON.parse(objects.toString('utf8', 64, 64 + Number(objects.toString('latin1', 0, 64).split(' ')[1])));
