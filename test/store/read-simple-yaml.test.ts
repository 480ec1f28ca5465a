import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { emitYaml } from '../../src/store/emit-yaml.js';
import { isPlain, readSimpleYaml } from '../../src/store/read-simple-yaml.js';
import { bundledFiles, hostile, jsonValue, prose } from '../helpers/yaml-values.js';

const NUM_RUNS = 1500;

/** Emitted YAML with a few characters inserted, deleted or replaced: nearly right, often wrong. */
const PIECES = [' ', '  ', '\n', '\n  ', '- ', ': ', ':', '-', '#', ' #', '"', "'", '|', '|+', '\\', '\\x4', 'a', '1', '.5', '~', '[', ']', '{}', '?', '&', '*', '!', '%', '---', '\t', '\r', '\uFEFF', 'x: 1\n', '  - y\n'];
const mutatedYaml = fc
  .tuple(jsonValue(fc.oneof(prose, hostile)).collection, fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...PIECES)), { maxLength: 3 }))
  .map(([value, edits]) => {
    let text = emitYaml(value);
    for (const [at, kind, piece] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + (kind === 1 ? '' : piece) + text.slice(kind === 0 ? i : i + 1);
    }
    return text;
  });

/** Lines put together from YAML fragments at random indentation. */
const fragmentLine = fc
  .tuple(
    fc.constantFrom('', '', '', '  ', '  ', '    ', ' '),
    fc.constantFrom('', '', '', '- ', '- - ', '-'),
    fc.constantFrom('', 'a:', 'b:', 'c:', 'd e:', '"f":', "'g h':", 'i: ', '? j', '-k:', 'l :', '__proto__:'),
    fc.constantFrom('', ' x', ' x', ' 1', ' "y"', " 'z'", ' []', ' {}', ' |', ' |-', ' |+', ' null', ' x # c', ' a: b', ' &a x', ' *a', ' [x]', '# c', ' y '),
  )
  .map((parts) => parts.join(''));
const fragmentYaml = fc.array(fragmentLine, { minLength: 1, maxLength: 6 }).map((lines) => `${lines.join('\n')}\n`);

/** readSimpleYaml's promise: no answer, or yaml's answer for a text yaml finds clean. */
function agreesWithYaml(source: string): boolean {
  const fast = readSimpleYaml(source);
  if (fast === undefined) return true;
  const doc = parseDocument(source, { uniqueKeys: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  return isDeepStrictEqual(fast, parse(source, { uniqueKeys: true }));
}

/** Asserts `agreesWithYaml` over NUM_RUNS sources; returns how many readSimpleYaml read itself rather than leave to yaml. */
function agreesOrGivesUp(sources: fc.Arbitrary<string>): number {
  let read = 0;
  fc.assert(
    fc.property(sources, (source) => {
      if (readSimpleYaml(source) !== undefined) read++;
      return agreesWithYaml(source);
    }),
    { numRuns: NUM_RUNS },
  );
  return read;
}

describe('readSimpleYaml on the bundled draft', () => {
  it.each(bundledFiles())(
    'reads %s itself, as yaml does',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const fast = readSimpleYaml(source);
      expect(fast).not.toBeUndefined();
      expect(fast).toStrictEqual(parse(source, { uniqueKeys: true }));
    },
  );
});

describe('readSimpleYaml', () => {
  it.each([
    ['# c\nnumber: "39"\nbracketed: false\nitems: []\nnotes: {}\n', { number: '39', bracketed: false, items: [], notes: {} }],
    ['a:\n  - b\n  - c: 1\n    d: ~\ne: x:y#z\n', { a: ['b', { c: 1, d: null }], e: 'x:y#z' }],
    ['- - a\n  - b\n- "q\\"\\u201c\\x41\\/"\n- \'it\'\'s\'\n', [['a', 'b'], 'q"“A/', "it's"]],
    ['n: -0\nf: 1e+21\ng: .5\nh: 0x1F\ni: -.inf\nj: 0o17\nk: 1_000\nl: TRUE\nm: 2001-12-14\n', { n: -0, f: 1e21, g: 0.5, h: 31, i: -Infinity, j: 15, k: '1_000', l: true, m: '2001-12-14' }],
    ['a: |-\n  x\n\n  # y\nb: |+\n  z\n\nc: |\n  w\n\n', { a: 'x\n\n# y', b: 'z\n\n', c: 'w\n' }],
    ['__proto__: 1\n"": ""\n:a: -a\n', JSON.parse('{"__proto__": 1, "": "", ":a": "-a"}')],
  ])('reads %j', (source, value) => {
    expect(readSimpleYaml(source)).toStrictEqual(value);
    expect(agreesWithYaml(source)).toBe(true);
  });

  it.each([
    ['a:\n\t- b\n', 'a tab'],
    ['\uFEFFa: 1\n', 'a byte-order mark'],
    ['a: [b]\n', 'a flow sequence'],
    ['a: &x 1\nb: *x\n', 'an anchor and an alias'],
    ['a: !!str 1\n', 'a tag'],
    ['a: b\n  c\n', 'a plain scalar over two lines'],
    ['a: "b\n  c"\n', 'a quoted scalar over two lines'],
    ['? a\n: 1\n', 'an explicit key'],
    ['%YAML 1.2\n---\na: 1\n', 'a directive'],
    ['a: 1\n---\nb: 2\n', 'a second document'],
    ['a: 1\na: 2\n', 'a duplicate key'],
    ['a: 1 # one\n', 'a comment after a value'],
    ['a: "\\z"\n', 'an unknown escape'],
    ['1: a\n', 'a key that is not a string'],
    ['a: 1 \n', 'trailing spaces'],
    ['a:\n- b\n', 'a sequence not indented under its key'],
    ['a: >-\n  b\n', 'a folded scalar'],
    ['a: |2-\n   b\n', 'an indentation indicator'],
    ['a: |\n  b', 'a block scalar without its last line break'],
    ['a:\n', 'an empty value'],
    ['plain\n', 'a scalar document'],
    ['', 'an empty document'],
  ])('leaves %j to yaml (%s)', (source) => {
    expect(readSimpleYaml(source)).toBeUndefined();
  });

  it('takes the fast path for prose that emitYaml wrote, and reads the same value', () => {
    fc.assert(
      fc.property(jsonValue(prose).collection, (value) => isDeepStrictEqual(readSimpleYaml(emitYaml(value)), value)),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with yaml or gives up, on emitted YAML with a few edits', () => {
    expect(agreesOrGivesUp(mutatedYaml)).toBeGreaterThan(NUM_RUNS / 5);
  });

  it('agrees with yaml or gives up, on lines made of YAML fragments', () => {
    expect(agreesOrGivesUp(fragmentYaml)).toBeGreaterThan(NUM_RUNS / 40);
  });

  it('agrees with yaml or gives up, on any string', () => {
    const yamlish = fc.string({ unit: fc.constantFrom(' ', '\n', 'a', '-', '#', ':', '"', "'", '|', '\\', '1', '[', ']', '{', '}', '~'), maxLength: 30 });
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), yamlish), agreesWithYaml), { numRuns: NUM_RUNS });
  });
});

describe('isPlain', () => {
  /** The pattern isPlain spells out: a one-line plain scalar, no indicator first, no `: `, no ` #`, nothing trailing. */
  const PLAIN = /^(?![-?:](?: |$))[^ ,[\]{}#&*!|>'"%@`](?:[^ :]|:(?=[^ ])| (?=[^#]))*$/;

  it.each(['', ' a', 'a ', 'a:', 'a: b', 'a #b', '- a', '-', '?', ':', ': a', '#a', '[a', '"a', '@a'])('refuses %j, as the pattern does', (text) => {
    expect(isPlain(text)).toBe(false);
    expect(PLAIN.test(text)).toBe(false);
  });

  it('answers as the pattern, on any string of the characters that matter', () => {
    const unit = fc.constantFrom(' ', ':', '#', '-', '?', 'a', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '\t', '\ud83d', '\ude00', 'é');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 12 }), fc.string({ unit: 'grapheme' })), (text) => isPlain(text) === PLAIN.test(text)),
      { numRuns: 5000 },
    );
  });
});
