#!/usr/bin/env node
/**
 * `node move-aside.mjs <path> <trash-dir>`: renames <path>, if it exists, into <trash-dir> under a
 * fresh name. Used as the untimed `prepare` step before each import run instead of `rm -rf`:
 * deleting thousands of files just before a run leaves the file system busy (on this kind of VM,
 * with ext4 mounted with `discard`, creating 5,000 files right after deleting 5,000 takes up to
 * ten times longer), which would be measured as ndraft's time. The trash goes with the bench's
 * work folder at the end.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';

const [path, trash] = process.argv.slice(2);
if (!path || !trash) throw new Error('usage: move-aside.mjs <path> <trash-dir>');
if (existsSync(path)) {
  mkdirSync(trash, { recursive: true });
  renameSync(path, join(trash, `${basename(path)}-${process.pid}-${Date.now()}`));
}
