import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { textconvCommand } from '../../../src/cli/commands/textconv.js';
import { setInputLimits } from '../../../src/limits/input-limits.js';
import { copyBundledDraft, editFile, fakeIo, rejection, removeTempDirs } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);
afterEach(() => setInputLimits());

async function textconv(file: string): Promise<string> {
  const io = fakeIo();
  expect(await textconvCommand(file, io)).toBe(0);
  expect(io.err).toBe('');
  return io.out;
}

describe('ndraft textconv', () => {
  it('prints a paragraph file as lines of text, the path taken from where it runs', async () => {
    const dir = copyBundledDraft();
    const io = fakeIo();
    io.cwd = dir;
    expect(await textconvCommand('paragraphs/076.yaml', io)).toBe(0);
    const lines = io.out.split('\n');
    expect(lines[0]).toBe('Paragraph 76 · open');
    expect(lines[1]).toMatch(/^text: In reviewing the adequacy .* we agree that \[some\] adjustments need to be made/);
    expect(await textconv(join(dir, 'paragraphs', '076.yaml'))).toBe(io.out);
  });

  it('prints anything that is not a paragraph as it is: conflict markers, draft.yaml', async () => {
    const dir = copyBundledDraft();
    const conflicted = editFile(dir, 'paragraphs/061.yaml', (text) => text.replace('status: open', '<<<<<<< ours\nstatus: open\n=======\nstatus: agreed\n>>>>>>> theirs'));
    expect(await textconv(join(dir, 'paragraphs', '061.yaml'))).toBe(conflicted);
    expect(await textconv(join(dir, 'draft.yaml'))).toBe(readFileSync(join(dir, 'draft.yaml'), 'utf8'));
  });

  it('refuses a file past the size limit', async () => {
    const dir = copyBundledDraft();
    const file = join(dir, 'big.yaml');
    writeFileSync(file, 'x'.repeat(2048));
    setInputLimits({ fileSize: 1024 });
    expect((await rejection(textconvCommand(file, fakeIo()))).message).toBe(`${file} is 2 KiB, past the limit of 1 KiB (raise it with --max-file-size or NDRAFT_MAX_FILE_SIZE)`);
  });
});
