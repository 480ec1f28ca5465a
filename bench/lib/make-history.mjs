#!/usr/bin/env node
/**
 * Gives an imported draft a long life, fast: `--entries` history entries (one paragraph edited
 * each) and `--revisions` named revisions (Rev.1 … Rev.N, one every entries/revisions changes),
 * written straight in ndraft's formats with ndraft's own serialisers (the built dist/ of --root),
 * as thousands of `ndraft` commands and snapshots would have left them, in seconds instead of hours.
 *
 *   node bench/lib/make-history.mjs --root <ndraft checkout> --draft DIR [--entries 10000] [--revisions 50] [--seed 1]
 *
 * Each change rewords one paragraph's text the way a chair's revision would (adds or takes back
 * ", as appropriate" before its last full stop), so the draft stays valid and its figures stay
 * those of the import; every entry records the paragraph before and after, as `edit` does. The
 * paragraph files end as the last entries left them, so `undo` can take the last one back.
 * Deterministic for one seed and draft. Prints a JSON summary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../generate-draft.mjs';
import { option } from './options.mjs';

const root = resolve(option('--root', '.'));
const dir = resolve(option('--draft'));
const entries = Number(option('--entries', '10000'));
const revisions = Number(option('--revisions', '50'));
const next = mulberry32(Number(option('--seed', '1')));
const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);

const { loadDraft } = await dist('store/load-draft.js');
const { paragraphForYaml, serializeYaml } = await dist('store/serialize.js');
const { paragraphFileName } = await dist('store/paragraph-file-name.js');
const { contentHash } = await dist('store/parse-cache.js');
const { serializeHistoryEntry } = await dist('history/history-store.js');
const { ObjectStore } = await dist('revisions/object-store.js');
const { writeRevision } = await dist('revisions/revision-store.js');
const { readRevision } = await dist('revisions/read-revision.js');

const loaded = await loadDraft(dir);
const paragraphs = new Map(loaded.paragraphs.map((p) => [p.address, p.paragraph]));
const addresses = [...paragraphs.keys()];
const imported = await readRevision(dir, 'import');
/** Each paragraph file's bytes and hash as they stand, for the manifests. */
const files = new Map(Object.entries(imported.paragraphs).map(([address, hash]) => [address, { hash }]));
const authors = ['Chair', 'Secretariat', 'EU', 'G77', 'USA', 'Japan', 'Brazil', 'AU'];
const MARK = ', as appropriate';

const reword = (text) => {
  if (text.includes(`${MARK}.`)) return text.replace(`${MARK}.`, '.');
  const stop = text.lastIndexOf('.');
  return stop > 0 ? `${text.slice(0, stop)}${MARK}${text.slice(stop)}` : `${text}${MARK}`;
};

const start = Date.parse('2026-01-05T08:00:00.000Z');
const every = Math.max(1, Math.floor(entries / Math.max(1, revisions)));
const store = new ObjectStore(dir);
const history = join(dir, 'history');
mkdirSync(history, { recursive: true });
let fresh = new Map();
let revisionsWritten = 0;
const t0 = Date.now();
for (let k = 0; k < entries; k++) {
  const address = addresses[Math.floor(next() * addresses.length)];
  const before = paragraphs.get(address);
  const after = { ...before, text: reword(before.text) };
  paragraphs.set(address, after);
  const time = new Date(start + k * 37_000 + Math.floor(next() * 1000));
  const id = `${time.toISOString().replace(/[-:.]/g, '')}-${Math.floor(next() * 0x10000).toString(16).padStart(4, '0')}`;
  const entry = { id, time: time.toISOString(), author: authors[k % authors.length], command: `edit ${after.number ?? address}`, changes: [{ paragraph: address, before, after }] };
  writeFileSync(join(history, `${id}.yaml`), serializeHistoryEntry(dir, entry));
  const bytes = Buffer.from(serializeYaml(paragraphForYaml(after), 'paragraph', join(dir, 'paragraphs', paragraphFileName(address))), 'utf8');
  const hash = contentHash(bytes);
  files.set(address, { hash, bytes });
  fresh.set(hash, bytes);
  if ((k + 1) % every === 0 && revisionsWritten < revisions) {
    revisionsWritten++;
    const revision = {
      name: `Rev.${revisionsWritten}`,
      time: new Date(time.getTime() + 1000).toISOString(),
      author: 'Chair',
      message: `round ${revisionsWritten}`,
      draft: imported.draft,
      figures: imported.figures,
      paragraphs: Object.fromEntries([...files].map(([a, f]) => [a, f.hash])),
    };
    // Only the files a paragraph still has at this revision are stored, as a snapshot would.
    const kept = new Set(Object.values(revision.paragraphs));
    writeRevision(dir, revision, new Map([...fresh].filter(([h]) => kept.has(h))), store);
    fresh = new Map();
  }
}
for (const [address, file] of files) if (file.bytes) writeFileSync(join(dir, 'paragraphs', paragraphFileName(address)), file.bytes);
process.stdout.write(`${JSON.stringify({ draft: dir, entries, revisions: revisionsWritten, seconds: (Date.now() - t0) / 1000, lastRevision: `Rev.${revisionsWritten}` })}\n`);
