import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Draft, Paragraph } from '../../src/model/schemas.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { BACKGROUND_WRITE_MIN_FILES, IDENTITY_LENGTH, sharedBytes, startWriting, type FileToWrite } from '../../src/store/write-files.js';
import { writeDraftFolder } from '../../src/store/write-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT, makeTempDir, removeTempDirs, temporaryLeftovers } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const many = BACKGROUND_WRITE_MIN_FILES + 100;

/** Gives the writer the files in batches of `size`, as `writeDraftFolder` does. */
function writeAll(files: readonly FileToWrite[], size = 97) {
  const writer = startWriting(files.length);
  for (let from = 0; from < files.length; from += size) writer.write(files.slice(from, from + size));
  return writer;
}

describe('startWriting', () => {
  it('writes few files at once and many on another thread, batch after batch, byte for byte, and gives each one\'s identity as written, in order', async () => {
    for (const count of [3, many]) {
      const dir = makeTempDir('write-files');
      const texts = Array.from({ length: count }, (_, i) => `n: ${i} “é”\n`);
      const bytes = sharedBytes(texts);
      const identities = await writeAll(texts.map((_, i) => [join(dir, `${i}.yaml`), bytes[i] as Buffer] as const)).done();
      expect(identities).toHaveLength(count * IDENTITY_LENGTH);
      expect(readdirSync(dir)).toHaveLength(count);
      for (const i of [0, 96, 97, count - 1].filter((i) => i < count)) {
        expect(readFileSync(join(dir, `${i}.yaml`), 'utf8')).toBe(`n: ${i} “é”\n`);
        const stats = statSync(join(dir, `${i}.yaml`));
        expect([...identities.subarray(i * IDENTITY_LENGTH, (i + 1) * IDENTITY_LENGTH)]).toEqual([stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs]);
      }
    }
  });

  it("sharedBytes: each text's UTF-8 bytes, all in one shared buffer", () => {
    const texts = ['a', '', 'é “x”', '𝔸\n'];
    const bytes = sharedBytes(texts);
    expect(bytes.map((b) => b.toString('utf8'))).toEqual(texts);
    expect(bytes.every((b) => b.buffer === bytes[0]?.buffer && b.buffer instanceof SharedArrayBuffer)).toBe(true);
  });

  it('rejects with the error of the first file it cannot write, on either path, in the first batch or a later one', async () => {
    for (const [count, bad] of [[3, 1], [many, 1], [many, 150]] as const) {
      const dir = makeTempDir('write-files-fail');
      const files = Array.from({ length: count }, (_, i) => [join(dir, i === bad ? 'missing/x.yaml' : `${i}.yaml`), Buffer.from('x\n')] as const);
      await expect(writeAll(files).done()).rejects.toThrow(/ENOENT/);
    }
  });

  it('stop() waits until nothing more is written', async () => {
    const dir = makeTempDir('write-files-stop');
    const writes = writeAll(Array.from({ length: many }, (_, i) => [join(dir, `${i}.yaml`), Buffer.from('x\n')] as const));
    await writes.stop();
    const after = readdirSync(dir).length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(dir)).toHaveLength(after);
  });
});

describe('writeDraftFolder with many paragraphs (files written on another thread)', async () => {
  const { draft } = await checkDraft(await loadDraft(BUNDLED_DRAFT));
  const base = draft as Draft;
  const paragraphs: Paragraph[] = Array.from({ length: many }, (_, i) => ({ ...(base.paragraphs[i % base.paragraphs.length] as Paragraph), address: String(i + 1), number: String(i + 1) }));
  const big: Draft = { meta: { ...base.meta, sections: [{ number: '1', title: 'All', paragraphs: paragraphs.map((p) => p.address) }] }, paragraphs };

  it('writes every file; the draft loads back equal', async () => {
    const out = join(makeTempDir('write-big'), 'rev1');
    await writeDraftFolder(big, out, { force: false });
    expect(readdirSync(join(out, 'paragraphs'))).toHaveLength(many);
    const reloaded = await checkDraft(await loadDraft(out));
    expect(reloaded.draft).toEqual(big);
  });

  it('a file that cannot be written: nothing is left, not even the temporary folder', async () => {
    const parent = makeTempDir('write-big-fail');
    const out = join(parent, 'rev1');
    const broken: Draft = { ...big, paragraphs: [...big.paragraphs, { ...(big.paragraphs[0] as Paragraph), address: 'x/y' }] };
    await expect(writeDraftFolder(broken, out, { force: false })).rejects.toThrow(/ENOENT/);
    expect(existsSync(out)).toBe(false);
    expect(temporaryLeftovers(parent)).toEqual([]);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a verify that throws stops the writing and leaves nothing', async () => {
    const parent = makeTempDir('write-big-verify');
    mkdirSync(join(parent, 'keep'));
    const out = join(parent, 'rev1');
    await expect(
      writeDraftFolder(big, out, {
        force: false,
        verify: () => {
          throw new Error('refused');
        },
      }),
    ).rejects.toThrow('refused');
    expect(readdirSync(parent)).toEqual(['keep']);
  });
});
