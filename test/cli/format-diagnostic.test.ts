import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { displayPath, formatDiagnostic } from '../../src/cli/format-diagnostic.js';
import { makeTempDir } from '../helpers/sandbox.js';

const plain = new Chalk({ level: 0 });

describe('formatDiagnostic', () => {
  it('names a file from the command\'s folder, whatever the process\'s folder is', () => {
    // Not the folder this test runs in: ndraft's main may run in a process whose folder differs (runInProcess).
    const cwd = makeTempDir('display-path');
    expect(displayPath(join(cwd, 'drafts', 'd', 'paragraphs', '061.yaml'), cwd)).toBe(join('drafts', 'd', 'paragraphs', '061.yaml'));
    expect(displayPath(cwd, cwd)).toBe('.');
    expect(displayPath('/elsewhere/far/away.txt', cwd)).toBe('/elsewhere/far/away.txt');
    // Names that are not paths stay as they are.
    expect(displayPath('--text', cwd)).toBe('--text');
    expect(displayPath('HEAD:drafts/d/paragraphs/061.yaml', cwd)).toBe('HEAD:drafts/d/paragraphs/061.yaml');
    // Even from a folder just below the process's, which a name taken against the process's folder would climb out of.
    expect(displayPath('--text', join(process.cwd(), 'folder'))).toBe('--text');
  });

  it('places the message at file:line:column, with the source line and a caret', () => {
    const cwd = makeTempDir('display-path');
    const text = formatDiagnostic({ code: 'UNCLOSED_BRACKET', severity: 'error', message: 'opening bracket "[" is never closed', file: '--text', line: 1, column: 4, sourceLine: 'We [agree' }, cwd, plain);
    expect(text).toBe('--text:1:4: error: opening bracket "[" is never closed [UNCLOSED_BRACKET]\n  We [agree\n     ^');
  });
});
