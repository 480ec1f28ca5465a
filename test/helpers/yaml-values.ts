/**
 * Shared fast-check generators for the YAML tests (emitYaml, readSimpleYaml): ordinary prose,
 * strings that trip YAML writers and readers, JSON-like values built from either, and the
 * bundled draft's files. Not a test file itself.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { BUNDLED_DRAFT } from './sandbox.js';

/** Strings that trip YAML writers and readers: look-alikes of other types, indicators, breaks, controls. */
export const HOSTILE: readonly string[] = [
  '', ' ', 'true', 'Null', '~', '1', '-1.5e3', '0x1F', '.inf', '2001-12-14', '- a', '? a', 'a: b',
  'a #b', '#a', '[a]', '{a}', '"q"', "'q'", '\\', 'a\nb', 'a\n', '\t', '\u0000', '\u2028', '\uFEFF',
  'é', '“quoted”', '*a', '&a', '!a', '|', '>', '%a', '@a', '`a`', ' lead', 'trail ', 'a  b',
  // and a few more of the same kind
  'a\n\n', '\n', ' \n', '\n x', ' x\ny', 'x\n\n y\n\n', '---', '--- a', '...', 'a\n---', '-', '?',
  ':', ':a', 'a:', '-a', 'a:b', '<<', '__proto__', '0o7', '+.5', '-0', 'No', 'a\r\nb', '\u0085', '\ud800', '😀',
  `say "hi"\nthen ${'go '.repeat(15)}`, `bell\u0007 ${'x'.repeat(40)}\n\n next \n  `, `${'long '.repeat(12)}\n\n  indented\n`, 'k'.repeat(1030),
];

/** Characters that YAML gives a meaning to, or that change how a scalar must be written. */
const HOSTILE_UNITS = [
  ' ', '\n', '\t', 'a', '0', 'e', '-', '#', ':', '"', "'", '|', '%', '.', '\\', '[', '{', '?', '~', '\uFEFF',
];

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const wordCore = fc.string({ unit: fc.constantFrom(...LETTERS, ...LETTERS, '[', ']', '/', '-', '’', 'é'), minLength: 1, maxLength: 9 });
const word = fc
  .tuple(fc.constantFrom('', '', '', '(', '“', '['), wordCore, fc.constantFrom('', '', '', '.', ',', ';', ':', ')', '”', '’s', ']', '/'))
  .map((parts) => parts.join(''));

/** Ordinary prose: words between single spaces, the punctuation of negotiated text. */
export const prose: fc.Arbitrary<string> = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));

/** Hostile strings: one of `HOSTILE`, any short text, or short runs of YAML's own characters. */
export const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: fc.constantFrom(...HOSTILE_UNITS), maxLength: 8 }),
);

/**
 * JSON-like values (scalars, arrays, plain objects, nested a few deep) whose strings and keys
 * come from `text`: `value` is any of them, `collection` only an array or an object.
 */
export function jsonValue(text: fc.Arbitrary<string>): { value: fc.Arbitrary<unknown>; collection: fc.Arbitrary<unknown> } {
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 4, withCrossShrink: true },
      text,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      tie('collection'),
    ),
    collection: fc.oneof(
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(text, tie('value'), { maxKeys: 4, noNullPrototype: true }),
    ),
  }));
}

/** The bundled draft's YAML files, draft.yaml then every paragraph file, as [name in the draft, path] for `it.each`. */
export function bundledFiles(): [string, string][] {
  const paragraphs = join(BUNDLED_DRAFT, 'paragraphs');
  const files = [join(BUNDLED_DRAFT, 'draft.yaml'), ...readdirSync(paragraphs).map((name) => join(paragraphs, name))];
  return files.map((file) => [file.slice(BUNDLED_DRAFT.length + 1), file]);
}
