#!/usr/bin/env node
/**
 * node apply-revision.mjs <from-draft> <to-draft>: puts the draft.yaml and paragraph files of one
 * draft folder in place of another's, as a person editing the files would (the history and the
 * revisions of <to-draft> stay). The bench uses it to make the working draft the reworded
 * revision (rev2.txt imported), so that `compare import` has 20 % of the paragraphs to report.
 */
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [from, to] = process.argv.slice(2);
copyFileSync(join(from, 'draft.yaml'), join(to, 'draft.yaml'));
const wanted = new Set(readdirSync(join(from, 'paragraphs')));
for (const name of readdirSync(join(to, 'paragraphs'))) if (!wanted.has(name)) rmSync(join(to, 'paragraphs', name));
for (const name of wanted) copyFileSync(join(from, 'paragraphs', name), join(to, 'paragraphs', name));
