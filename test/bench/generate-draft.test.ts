/**
 * The benchmark's draft generator (bench/generate-draft.mjs): the same seed gives byte-identical
 * files, the second revision keeps every paragraph number, and what it writes is a draft that
 * `ndraft import` reads cleanly (no warnings) with the structure the manifest announces.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT, removeTempDirs, runNdraft } from '../helpers/sandbox.js';

const GENERATOR = join(REPO_ROOT, 'bench', 'generate-draft.mjs');
const FILES = ['rev1.txt', 'rev2.txt', 'long.txt', 'manifest.json'] as const;

interface Manifest {
  paragraphs: number;
  reworded: number;
  firstNumber: string;
  statuses: Record<string, number>;
  bracketedParagraphs: number;
  withItems: number;
  withAlternatives: number;
  longParagraph: { inDraft: string; inLong: string; alternatives: number; words: number[] };
  bytes: { rev1: number; rev2: number; long: number };
}

function generate(paragraphs: number, seed: number): string {
  const out = makeTempDir(`gen-${paragraphs}-${seed}`);
  const r = spawnSync(process.execPath, [GENERATOR, '--paragraphs', String(paragraphs), '--seed', String(seed), '--out', out], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return out;
}

const read = (dir: string, file: string): Buffer => readFileSync(join(dir, file));
const manifestOf = (dir: string): Manifest => JSON.parse(read(dir, 'manifest.json').toString('utf8')) as Manifest;
/** Paragraph numbers in reading order, as written at the start of their lines (`40.`, `[61.`, `61bis.`). */
const paragraphNumbers = (text: string): string[] => [...text.matchAll(/^\[?(\d+(?:bis|ter)?)\.(?: |$)/gm)].map((m) => m[1] as string);

afterAll(removeTempDirs);

describe('bench/generate-draft.mjs', () => {
  let a: string;
  let b: string;
  let other: string;
  beforeAll(() => {
    a = generate(1000, 7);
    b = generate(1000, 7);
    other = generate(1000, 8);
  });

  it('writes byte-identical files for the same seed', () => {
    for (const file of FILES) expect(read(a, file).equals(read(b, file)), file).toBe(true);
  });

  it('writes a different draft for another seed', () => {
    expect(read(a, 'rev1.txt').equals(read(other, 'rev1.txt'))).toBe(false);
  });

  it('rewords about 20 % of the paragraphs in revision 2 and keeps every number', () => {
    const m = manifestOf(a);
    expect(m.paragraphs).toBe(1000);
    expect(m.reworded).toBeGreaterThanOrEqual(190);
    expect(m.reworded).toBeLessThanOrEqual(200);
    const rev1 = read(a, 'rev1.txt').toString('utf8');
    const rev2 = read(a, 'rev2.txt').toString('utf8');
    expect(rev2).not.toBe(rev1);
    expect(paragraphNumbers(rev2)).toEqual(paragraphNumbers(rev1));
    // ~490 bytes a paragraph: 2.4 MB for 5,000, as in the issue
    expect(m.bytes.rev1 / m.paragraphs).toBeGreaterThan(400);
    expect(m.bytes.rev1 / m.paragraphs).toBeLessThan(600);
  });

  it('has the conventions the importer reads: agreed, open, bracketed paragraphs, items, alternatives, inline brackets', () => {
    const m = manifestOf(a);
    const rev1 = read(a, 'rev1.txt').toString('utf8');
    expect(m.statuses.agreed).toBeGreaterThan(400);
    expect(m.statuses.open).toBeGreaterThan(300);
    expect(m.bracketedParagraphs).toBeGreaterThan(10);
    expect(m.withItems).toBeGreaterThan(50);
    expect(m.withAlternatives).toBeGreaterThan(10);
    expect(rev1).toMatch(/^1\.\n[A-Z][^\n]+\n/m); // a section heading, title on the next line
    expect(rev1).toMatch(/^\d+[a-z]\) [A-Z]/m); // a subsection
    expect(rev1).toMatch(/^\[Alt 1 \d+\.$/m);
    expect(rev1).toMatch(/\(Agreed\)$/m);
    expect(rev1).toMatch(/\[[^\]/[]+\/[^\]/[]+\]/); // [a/b]
    expect(rev1).toMatch(/\[[^\][]*\[[^\][]+\][^\][]*\]/); // nested
  });

  it('writes one long paragraph with five alternatives of about 300 words', () => {
    const { longParagraph } = manifestOf(a);
    expect(longParagraph.alternatives).toBe(5);
    for (const words of longParagraph.words) {
      expect(words).toBeGreaterThan(250);
      expect(words).toBeLessThan(400);
    }
    expect(read(a, 'long.txt').toString('utf8')).toMatch(/^\[Alt 5 10\.$/m);
  });

  it('imports cleanly with the real CLI: the announced paragraphs, no warning', () => {
    const m = manifestOf(a);
    const out = join(makeTempDir('gen-import'), 'draft');
    const r = runNdraft(['import', join(a, 'rev1.txt'), '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout) as { paragraphs: Record<string, number>; warnings: unknown[]; bracketedParagraphs: number };
    expect(summary.warnings).toEqual([]);
    expect(summary.paragraphs).toEqual({
      total: 1000,
      agreed: m.statuses.agreed ?? 0,
      agreedAdRef: m.statuses['agreed-ad-ref'] ?? 0,
      open: m.statuses.open ?? 0,
      deleted: m.statuses.deleted ?? 0,
    });
    expect(summary.bracketedParagraphs).toBe(m.bracketedParagraphs);
  });
});
