import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConventions, readConventions } from '../../src/importer/read-conventions.js';
import { failure, makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const parse = (text: string) => parseConventions('/c/conv.yaml', Buffer.from(text));

describe('readConventions: a conventions file checked against its schema', () => {
  it('gives the lists, trimmed', () => {
    expect(parse('articleWords: [Artículo, " Art. "]\nagreedMarkers:\n  - "(Acordado)"\n')).toEqual({ articleWords: ['Artículo', 'Art.'], agreedMarkers: ['(Acordado)'] });
    expect(parse('{}\n')).toEqual({});
  });

  it('an unknown field and a word that is not a list are errors at their line and column', () => {
    const error = failure(() => parse('articleWords: [Artículo]\noptionWord: [Opción]\nagreedMarkers: 3\n'));
    expect(error.message).toBe('the conventions file is not valid; nothing was imported');
    expect(error.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([
      '/c/conv.yaml:2:1: unknown field "optionWord"',
      '/c/conv.yaml:3:16: agreedMarkers must be a list, not number 3',
    ]);
  });

  it('refuses an empty word, an empty file, broken YAML and bytes that are not UTF-8', () => {
    expect(failure(() => parse('deletedMarkers: ["  "]\n')).diagnostics.map((d) => [d.line, d.message])).toEqual([[1, 'deletedMarkers[0] must not be empty']]);
    expect(failure(() => parse('')).diagnostics.map((d) => d.message)).toEqual(['the file must be a mapping, not empty']);
    expect(failure(() => parse('optionWords: [Opción\n')).diagnostics.length).toBeGreaterThan(0);
    expect(failure(() => parseConventions('/c/conv.yaml', Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]))).diagnostics.map((d) => d.code)).toEqual(['NOT_UTF8']);
  });

  it('reads a file as an import source is: a missing file or a folder is named', () => {
    const dir = makeTempDir('conventions');
    writeFileSync(join(dir, 'conv.yaml'), 'optionWords: [Opción]\n');
    expect(readConventions(join(dir, 'conv.yaml'), 'conv.yaml')).toEqual({ optionWords: ['Opción'] });
    expect(failure(() => readConventions(join(dir, 'none.yaml'), 'none.yaml')).message).toBe('none.yaml: no such file');
    expect(failure(() => readConventions(dir, 'conventions')).message).toMatch(/is a folder/);
  });
});
