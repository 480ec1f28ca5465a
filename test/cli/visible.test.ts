import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { visible } from '../../src/cli/visible.js';
import { copyBundledDraft, fakeIo, removeTempDirs } from '../helpers/sandbox.js';
import { afterAll } from 'vitest';

afterAll(removeTempDirs);

describe('visible: what reaches a terminal', () => {
  it('shows control characters and bidi overrides, keeps tabs, line breaks, bidi marks and ndraft\'s colours', () => {
    expect(visible('EU\x1b]0;owned\x07 \x9b2J \u202eRU\u2066x\u2069 \t\n')).toBe('EU\\e]0;owned\\x07 \\x9b2J \\u202eRU\\u2066x\\u2069 \t\n');
    expect(visible('\u200e\u200f\u061c عربي')).toBe('\u200e\u200f\u061c عربي');
    expect(visible('\x1b[31merror\x1b[39m \x1b[1mbold\x1b[22m')).toBe('\x1b[31merror\x1b[39m \x1b[1mbold\x1b[22m');
    expect(visible('\x1b[8mhidden\x1b[2J\r')).toBe('\\e[8mhidden\\e[2J\\r');
  });
});

describe('failures that are not the input\'s fault', () => {
  const draft = copyBundledDraft();
  const failingIo = (error: Error) => {
    const io = fakeIo();
    io.write = () => {
      throw error;
    };
    return io;
  };

  it('a system error gets its own message and exit 1, never "internal error"', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: '/d/paragraphs/061.yaml' });
    const io = failingIo(full);
    expect(await main(['status', '--draft', draft], io)).toBe(1);
    expect(io.err).toBe('ndraft: the disk is full (/d/paragraphs/061.yaml); nothing was changed. Free some space and run the command again\n');
    const readOnly = failingIo(Object.assign(new Error('EROFS'), { code: 'EROFS', syscall: 'rename', path: '/d/x' }));
    expect(await main(['status', '--draft', draft], readOnly)).toBe(1);
    expect(readOnly.err).toContain('the file system is read-only (/d/x); nothing was changed');
  });

  it('a bug exits 70 and asks for a report', async () => {
    const io = failingIo(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(await main(['status', '--draft', draft], io)).toBe(70);
    expect(io.err).toBe(
      "ndraft: internal error: Cannot read properties of undefined (reading 'x')\nThis is a bug in ndraft; please report it with the command you ran (see SECURITY.md for a problem with security).\n",
    );
  });
});
