/**
 * The parse cache can never change what a command reports: every byte of the cache of a small
 * draft is flipped in turn, and validate, status, show and export (two of them a byte, in turn)
 * must say exactly what they say with no cache at all. In-process, so that the ~1,600 positions
 * take seconds; and while flipping,
 * the commands' repair of the cache is not written (it would only be overwritten by the next
 * flip), so that each flipped cache is written once for all the commands. That the repair is
 * written and then served is test/store/parse-cache.test.ts's business.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { fakeIo, makeTempDir, removeTempDirs, SMALL_TEXT } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const cacheWrites = vi.hoisted(() => ({ frozen: false }));
vi.mock('../../src/store/cache-file.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/store/cache-file.js')>();
  return { ...original, writeCacheFile: (...args: Parameters<typeof original.writeCacheFile>) => (cacheWrites.frozen ? undefined : original.writeCacheFile(...args)) };
});

/** Between them, every problem, count, paragraph, item, alternative and heading of the draft. */
const COMMANDS = [['validate'], ['status', '--json'], ['show', '2'], ['export', '--format', 'json']];

async function run(dir: string | undefined, args: readonly string[]): Promise<string> {
  const io = fakeIo();
  const status = await main(dir === undefined ? args : [...args, '--draft', dir], io);
  return `${status}\n${io.out}\n${io.err}`;
}

describe('the parse cache, every byte flipped', () => {
  it('never changes what validate, status, show and export report', async () => {
    const root = makeTempDir('flip');
    const dir = join(root, 'small');
    expect(await run(undefined, ['import', SMALL_TEXT, '--out', dir])).toMatch(/^0\n/);
    const cache = join(dir, '.ndraft', 'cache');

    const expected: string[] = [];
    for (const args of COMMANDS) {
      rmSync(cache, { force: true });
      expected.push(await run(dir, args));
    }
    // Warm: identities settled, problems and counts known, every paragraph in the cache.
    for (let i = 0; i < 3; i++) for (const args of COMMANDS) await run(dir, args);
    const good = readFileSync(cache);
    expect(good.length).toBeGreaterThan(500);

    const started = Date.now();
    cacheWrites.frozen = true;
    for (let at = 0; at < good.length; at++) {
      const flipped = Buffer.from(good);
      flipped[at] = (flipped[at] as number) ^ 0x01;
      writeFileSync(cache, flipped);
      // Two of the four commands a byte, in turn: each byte is read by two commands and each
      // command meets every other byte. All four on every byte took 15 s, the longest test
      // file of the suite after the crash test.
      for (const k of [at % COMMANDS.length, (at + 1) % COMMANDS.length]) {
        const seen = await run(dir, COMMANDS[k] as string[]);
        if (seen !== expected[k]) expect(seen, `byte ${at} flipped, ndraft ${COMMANDS[k]?.join(' ')}`).toBe(expected[k]);
      }
    }
    cacheWrites.frozen = false;
    console.log(`cache of ${good.length} bytes, each flipped: ${good.length * 2} runs in ${Date.now() - started} ms`);
  }, 120_000);
});
