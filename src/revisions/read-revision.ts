import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Revision } from '../model/revision-schema.js';
import { contentHash } from '../store/parse-cache.js';
import { isRefusal, readDraftFile, refusalDiagnostic, statDraftFile } from '../store/read-draft-file.js';
import type { YamlFile } from '../store/yaml-file.js';
import { ObjectCache } from '../store/object-cache.js';
import { quickParseRevision } from '../store/quick-parse-file.js';
import type { ObjectStore } from './object-store.js';
import { listRevisionNames, revisionFile, storedRevisionName } from './revision-store.js';
import { sortRevisions } from './revision-order.js';

/** A revision as `revisions` lists it: everything but its paragraphs' hashes. */
export type RevisionSummary = Omit<Revision, 'paragraphs'>;

/**
 * Revision `name` (any case), or an error naming the revisions there are. A manifest read before
 * comes from the object cache, by the hash of its bytes: a 5,000-paragraph manifest is then one
 * JSON text to parse, without the YAML parser and zod.
 */
export async function readRevision(dir: string, name: string, cache = new ObjectCache(dir)): Promise<Revision> {
  const stored = storedRevisionName(dir, name);
  if (stored === undefined) {
    const names = listRevisionNames(dir);
    throw inputError(`no revision "${name}"; ${names.length === 0 ? 'the draft has none yet (record one with "ndraft snapshot <name>")' : `the draft has ${names.join(', ')} (see "ndraft revisions")`}`);
  }
  const read = await readRevisionFile(dir, stored, cache, 'full');
  if (!read.revision) throw inputError(`revision "${stored}" cannot be read; fix or remove ${revisionFile(dir, stored)}`, read.diagnostics);
  return read.revision as Revision;
}

/**
 * Every revision, oldest first, and the problems of those that cannot be read; with a `store`,
 * an object a manifest names that the store lacks is a problem too, placed where it is named.
 */
export async function readRevisions(dir: string, store?: ObjectStore, cache = new ObjectCache(dir)): Promise<{ revisions: Revision[]; diagnostics: Diagnostic[] }> {
  const revisions: Revision[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of listRevisionNames(dir)) {
    const read = await readRevisionFile(dir, name, cache, 'full');
    diagnostics.push(...read.diagnostics);
    if (!read.revision) continue;
    const revision = read.revision as Revision;
    revisions.push(revision);
    if (store && hasMissingObjects(revision, store)) {
      // Placing a problem needs the manifest's YAML, parsed only then.
      const { parseRevisionFile } = await import('./parse-revision-file.js');
      const file = revisionFile(dir, name);
      const bytes = readDraftFile(dir, file);
      diagnostics.push(...missingObjects(revision, isRefusal(bytes) ? undefined : parseRevisionFile(file, bytes.toString('utf8'), name).yaml, store));
    }
  }
  if (store) diagnostics.push(...store.problems);
  cache.save();
  return { revisions: sortRevisions(revisions), diagnostics };
}

/** Every revision without its paragraphs' hashes, oldest first: what listing them needs, a small part of each manifest. */
export async function readRevisionSummaries(dir: string, cache = new ObjectCache(dir, 'summaries')): Promise<{ revisions: RevisionSummary[]; diagnostics: Diagnostic[] }> {
  const revisions: RevisionSummary[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of listRevisionNames(dir)) {
    const read = await readRevisionFile(dir, name, cache, 'summary');
    diagnostics.push(...read.diagnostics);
    if (read.revision) revisions.push(read.revision);
  }
  cache.save();
  return { revisions: sortRevisions(revisions), diagnostics };
}

/**
 * One manifest, from the cache when its bytes were read before (as a whole in the `objects`
 * shelf, as its summary in `summaries`); else parsed, checked, and cached. A manifest with a
 * problem is never cached.
 */
async function readRevisionFile(dir: string, name: string, cache: ObjectCache, want: 'full' | 'summary'): Promise<{ revision?: RevisionSummary; diagnostics: Diagnostic[] }> {
  const file = revisionFile(dir, name);
  // A summary is found by the manifest's identity, without reading it (a manifest names every paragraph).
  const stats = statDraftFile(dir, file);
  if (isRefusal(stats)) return { diagnostics: [refusalDiagnostic(file, stats)] };
  const listed = want === 'summary' ? cache.known<RevisionSummary>('revision-file', name, stats) : undefined;
  if (listed) return { revision: listed, diagnostics: [] };
  // A whole manifest likewise, by the hash its bytes had when it last had this identity: `log N
  // --revisions` opens fifty of them, and reading and hashing their 12 MB cost more than the rest.
  const hashed = want === 'full' ? cache.known<string>('revision-file-hash', name, stats) : undefined;
  const settled = hashed === undefined ? undefined : cache.get<Revision>('revision', hashed);
  if (settled && settled.name === name) return { revision: settled, diagnostics: [] };
  const bytes = readDraftFile(dir, file, stats);
  if (isRefusal(bytes)) return { diagnostics: [refusalDiagnostic(file, bytes)] };
  const hash = contentHash(bytes);
  const known = want === 'summary' ? cache.get<RevisionSummary>('revision-summary', hash) : cache.get<Revision>('revision', hash);
  // The name is checked again: the same bytes may stand under another file name.
  if (known && known.name === name) {
    cache.remember(want === 'summary' ? 'revision-file' : 'revision-file-hash', name, stats, want === 'summary' ? known : hash);
    return { revision: known, diagnostics: [] };
  }
  // A manifest ndraft wrote is read without the YAML parser and zod; anything else, or anything wrong, as ever.
  const quick = quickParseRevision(file, bytes);
  const parsed = quick?.name === name ? { revision: quick, diagnostics: [] } : (await import('./parse-revision-file.js')).parseRevisionFile(file, bytes.toString('utf8'), name);
  if (!parsed.revision) return { diagnostics: parsed.diagnostics };
  const { paragraphs: _paragraphs, ...summary } = parsed.revision;
  if (parsed.diagnostics.length === 0) cache.set(want === 'summary' ? 'revision-summary' : 'revision', hash, want === 'summary' ? summary : parsed.revision);
  return { revision: want === 'summary' ? summary : parsed.revision, diagnostics: parsed.diagnostics };
}

function hasMissingObjects(revision: Revision, store: ObjectStore): boolean {
  return !store.has(revision.draft) || Object.values(revision.paragraphs).some((hash) => !store.has(hash));
}

function missingObjects(revision: Revision, yaml: YamlFile | undefined, store: ObjectStore): Diagnostic[] {
  const missing = (hash: string, what: string, path: (string | number)[]): Diagnostic => ({
    code: 'MISSING_OBJECT',
    severity: 'error',
    message: `revision "${revision.name}": the object ${hash} holding ${what} is not in revisions/objects/; the revision cannot be compared (restore the pack from a copy of the draft, or remove the revision)`,
    file: yaml?.file ?? revision.name,
    ...(yaml ? yaml.locate(path) : {}),
  });
  const problems: Diagnostic[] = [];
  if (!store.has(revision.draft)) problems.push(missing(revision.draft, 'draft.yaml', ['draft']));
  for (const [address, hash] of Object.entries(revision.paragraphs)) {
    if (!store.has(hash)) problems.push(missing(hash, `paragraph ${address}`, ['paragraphs', address]));
  }
  return problems;
}
