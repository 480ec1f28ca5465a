import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { fakeIo, makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

// A decision and its annexed agreement: paragraph 2 of the decision, and paragraph 2 of Articles 2 and 3.
const TEXT = [
  '1. Decides to adopt the Agreement.',
  '2. Requests the Secretary-General to be its Depositary.',
  '',
  'Article 2',
  '',
  '1. This Agreement aims to strengthen the global response.',
  '2. Option 1: This Agreement reflects equity.',
  'Option 2: [No text]',
  '',
  'Article 3',
  '',
  '2. Each Party shall [prepare] contributions.',
  '',
].join('\n');

async function ndraft(cwd: string, ...args: string[]): Promise<{ status: number; out: string; err: string }> {
  const io = fakeIo(false, { NDRAFT_AUTHOR: 'Secretariat' });
  io.cwd = cwd;
  const status = await main(args, io);
  return { status, out: io.out, err: io.err };
}

describe('a printed number that several paragraphs share', () => {
  it('names the paragraph whose address it is, and a refusal there lists the others printed alike', async () => {
    const dir = makeTempDir('ambiguous');
    writeFileSync(join(dir, 'paris.txt'), TEXT);
    expect((await ndraft(dir, 'import', 'paris.txt', '--out', 'd')).status).toBe(0);
    const refused = await ndraft(dir, 'accept', '2', 'Option 1', '--draft', 'd');
    expect(refused.status).toBe(1);
    expect(refused.err).toBe('ndraft: paragraph 2 has no alternatives (number 2 is also printed for art2-2, art3-2; name the one you mean by its address)\n');
    const accepted = await ndraft(dir, 'accept', 'art2-2', 'Option 1', '--draft', 'd');
    expect(accepted.status, accepted.err).toBe(0);
    expect((await ndraft(dir, 'show', 'art2-2', '--draft', 'd')).out).toContain('This Agreement reflects equity.');
  });
});
