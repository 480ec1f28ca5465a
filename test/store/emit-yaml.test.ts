import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { emitYaml } from '../../src/store/emit-yaml.js';
import { bundledFiles, HOSTILE, hostile, jsonValue, prose } from '../helpers/yaml-values.js';

const OPTIONS = { lineWidth: 0, minContentWidth: 0, indentSeq: true };
const NUM_RUNS = 1500;

/** Whether `text` reads back as exactly `value`. */
function readsBackAs(text: string, value: unknown): boolean {
  try {
    return isDeepStrictEqual(parse(text, { logLevel: 'silent' }), value);
  } catch {
    return false;
  }
}

describe('emitYaml on the bundled draft', () => {
  it.each(bundledFiles())(
    'writes %s byte for byte as yaml does',
    (_name, file) => {
      const value: unknown = parse(readFileSync(file, 'utf8'));
      expect(emitYaml(value)).toBe(stringify(value, OPTIONS));
    },
  );
});

describe('emitYaml', () => {
  it('writes a paragraph as ndraft stores it', () => {
    const paragraph = {
      address: '61', number: '61',
      status: 'open',
      bracketed: true,
      text: 'We [recognize][note] the “role” of Governments’ [and/or] 3a) networks; see A/60/L.1 at 10:30.',
      items: [{ label: 'a', text: 'first;' }],
      alternatives: [],
      notes: ['two\nlines', 'with trailing\n'],
    };
    expect(emitYaml(paragraph)).toBe(
      [
        'address: "61"',
        'number: "61"',
        'status: open',
        'bracketed: true',
        'text: We [recognize][note] the “role” of Governments’ [and/or] 3a) networks; see A/60/L.1 at 10:30.',
        'items:',
        '  - label: a',
        '    text: first;',
        'alternatives: []',
        'notes:',
        '  - |-',
        '    two',
        '    lines',
        '  - |',
        '    with trailing',
        '',
      ].join('\n'),
    );
    expect(emitYaml(paragraph)).toBe(stringify(paragraph, OPTIONS));
  });

  it('quotes what would read back as something else, as yaml does', () => {
    const value = { '1': 'true', 'a: b': '- a', "it's": '"q"', '': '', n: -0, list: [[], {}, null] };
    expect(emitYaml(value)).toBe(stringify(value, OPTIONS));
    expect(emitYaml(value)).toBe(
      `"1": "true"\n"a: b": "- a"\nit's: '"q"'\n"": ""\nn: -0\nlist:\n  - []\n  - {}\n  - null\n`,
    );
  });

  it('leaves out undefined fields and writes undefined items as null, as yaml does', () => {
    const value = { a: undefined, b: [undefined, 1], c: { d: undefined } };
    expect(emitYaml(value)).toBe('b:\n  - null\n  - 1\nc: {}\n');
    expect(emitYaml(value)).toBe(stringify(value, OPTIONS));
  });

  it('differs from yaml only for hostile strings whose yaml text would not read back', () => {
    const differing: string[] = [];
    for (const text of HOSTILE) {
      const places = { 'top level': text, 'first key': { [text]: 1 }, value: { k: text }, item: [text] };
      for (const [place, value] of Object.entries(places)) {
        const ours = emitYaml(value);
        expect(readsBackAs(ours, value)).toBe(true);
        if (ours === stringify(value, OPTIONS)) continue;
        expect(readsBackAs(stringify(value, OPTIONS) ?? '', value)).toBe(false);
        differing.push(`${JSON.stringify(text)} ${place}`);
      }
    }
    expect(differing).toEqual([
      '"\uFEFF" top level',
      '"\uFEFF" first key',
      '" \\n" top level',
      '" \\n" value',
      '" \\n" item',
      '"\\n x" top level',
      '" x\\ny" top level',
    ]);
  });

  it('gives text that yaml reads back as the same value, for any JSON-like value', () => {
    fc.assert(
      fc.property(jsonValue(hostile).value, (value) => readsBackAs(emitYaml(value), value)),
      { numRuns: NUM_RUNS },
    );
  });

  it('is byte-identical to yaml for prose', () => {
    fc.assert(
      fc.property(jsonValue(prose).value, (value) => emitYaml(value) === stringify(value, OPTIONS)),
      { numRuns: NUM_RUNS },
    );
  });

  it('is byte-identical to yaml for hostile values, except where yaml would not read back', () => {
    fc.assert(
      fc.property(jsonValue(hostile).value, (value) => {
        const theirs = stringify(value, OPTIONS) ?? '';
        return emitYaml(value) === theirs || !readsBackAs(theirs, value);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
