import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { matchesJsonSchema } from '../../src/model/json-schema-match.js';
import { quickSchemaCheck, quickSchemaParse } from '../../src/model/quick-schema-check.js';
import { conventionsSchema } from '../../src/model/conventions-schema.js';
import { revisionSchema, type Revision } from '../../src/model/revision-schema.js';
import { draftSchema, historyEntrySchema, paragraphSchema, type DraftMeta, type HistoryEntry, type Paragraph } from '../../src/model/schemas.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT } from '../helpers/sandbox.js';
import { hostile, jsonValue } from '../helpers/yaml-values.js';

/**
 * The writers' quick check may say "valid" only where zod does (else a writer would write what
 * the next command refuses to load); where it is not sure, zod decides as before.
 */
const { draft } = await checkDraft(await loadDraft(BUNDLED_DRAFT));
const paragraphs = draft?.paragraphs ?? [];
const meta = draft?.meta as DraftMeta;

const busy: Paragraph = {
  address: 'art3-2',
  number: '3 bis',
  status: 'open',
  bracketed: true,
  text: 'We [shall/should] act.',
  spans: [{ span: 4, edge: 'opens' }],
  items: [{ label: 'a)', text: 'x', status: 'agreed', spans: [{ span: 4, edge: 'inside' }], alternatives: [{ label: 'Alt a1', text: 'y', scope: { insertAt: 'end' } }], notes: [{ text: 'n', kind: 'comment', author: 'Ann', date: '2026-11-30' }] }],
  alternatives: [{ label: 'Alt 1', scope: { replaces: 'shall' }, text: 'must', proposedBy: ['EU'], supportedBy: ['G77'], opposedBy: ['US'], notes: [{ text: 'from Rev.1', marker: '3', kind: 'footnote' }] }],
  notes: [{ text: 'Chair to consult' }],
  bracketPositions: [{ in: 'text', bracket: '[shall/should]', proposedBy: ['EU'], supportedBy: [], opposedBy: ['G77'] }],
};

/** Every place in a value (objects and arrays), as a path of keys. */
function places(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [path, ...keys.flatMap((k) => places((value as Record<string | number, unknown>)[k], [...path, k]))];
}

/** `value` with what stands at `path` replaced by `replacement`, or removed (`remove`), or given a new key. */
function mutated(value: unknown, path: (string | number)[], how: { kind: 'set' | 'remove' | 'add'; key: string; replacement: unknown }): unknown {
  const copy = structuredClone(value);
  if (path.length === 0) return how.kind === 'set' ? how.replacement : copy;
  const parent = path.slice(0, -1).reduce<any>((at, k) => at[k], copy);
  const last = path[path.length - 1]!;
  if (how.kind === 'set') parent[last] = how.replacement;
  else if (how.kind === 'remove' && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (how.kind === 'remove') delete parent[last];
  else if (typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) parent[last][how.key] = how.replacement;
  return copy;
}

const oddValues = fc.oneof(
  jsonValue(hostile).value,
  fc.constantFrom(undefined, 0, -1, 1.5, Number.NaN, Infinity, 2 ** 60, '', 'open', 'Alt 1', '2026-02-30', '2026-02-28', 'a b', [], {}, [''], ['EU'], { span: 1, edge: 'inside' }, { insertAt: 'middle' }),
);
const mutation = fc.record({ kind: fc.constantFrom('set' as const, 'set' as const, 'remove' as const, 'add' as const), key: fc.constantFrom('label', 'text', 'extra', 'scope', 'span', 'status'), replacement: oddValues, pick: fc.nat() });

function holdsAgainstZod(schema: z.ZodType, name: 'paragraph' | 'draft' | 'history' | 'revision', original: unknown, changes: fc.Arbitrary<(typeof mutation extends fc.Arbitrary<infer M> ? M : never)[]>) {
  fc.assert(
    fc.property(changes, (list) => {
      let value = original;
      for (const change of list) {
        const all = places(value);
        value = mutated(value, all[change.pick % all.length]!, change);
      }
      // A file is read by checking and building in one walk (quickSchemaParse): it gives nothing where the check is not sure.
      if (!quickSchemaCheck(name, value)) {
        expect(quickSchemaParse(name, value)).toBeUndefined();
        return;
      }
      const parsed = schema.safeParse(value);
      expect(parsed.success).toBe(true);
      // And what a file reads as: zod's output, fields in its order, defaults filled in.
      expect(JSON.stringify(quickSchemaParse(name, value))).toBe(JSON.stringify(parsed.data));
    }),
    { numRuns: 3000 },
  );
}

describe('quickSchemaCheck: the generated JSON Schema, read without zod', () => {
  it('shows valid every paragraph and the outline of the bundled draft, and a paragraph using every field', () => {
    expect(paragraphs.length).toBeGreaterThan(30);
    for (const paragraph of [...paragraphs, busy]) expect(quickSchemaCheck('paragraph', paragraph)).toBe(true);
    expect(paragraphSchema.safeParse(busy).success).toBe(true);
    expect(quickSchemaCheck('draft', meta)).toBe(true);
    for (const paragraph of [...paragraphs, busy]) expect(JSON.stringify(quickSchemaParse('paragraph', paragraph))).toBe(JSON.stringify(paragraphSchema.parse(paragraph)));
    expect(JSON.stringify(quickSchemaParse('draft', meta))).toBe(JSON.stringify(draftSchema.parse(meta)));
    // A file's fields in another order, and without the arrays that have defaults, read as zod reads them.
    const { items: _items, alternatives: _alternatives, ...short } = busy;
    const scrambled = Object.fromEntries(Object.entries(short).reverse());
    expect(quickSchemaParse('paragraph', scrambled)).toStrictEqual(paragraphSchema.parse(scrambled));
    expect(JSON.stringify(quickSchemaParse('paragraph', scrambled))).toBe(JSON.stringify(paragraphSchema.parse(scrambled)));
    // An optional field left undefined is absent to zod, and so here.
    expect(quickSchemaCheck('paragraph', { ...busy, number: undefined, notes: undefined })).toBe(true);
  });

  it('never says valid where zod refuses: random damage to a paragraph and to draft.yaml', () => {
    holdsAgainstZod(paragraphSchema, 'paragraph', busy, fc.array(mutation, { minLength: 1, maxLength: 3 }));
    holdsAgainstZod(draftSchema, 'draft', { ...meta, date: '2026-11-30', symbol: 'A/CONF.1/L.1' }, fc.array(mutation, { minLength: 1, maxLength: 3 }));
  });

  it('never says valid where zod refuses: random damage to a history entry (undo and log read them quickly)', () => {
    const before = paragraphs.find((p) => p.alternatives.length > 0) as Paragraph;
    const entry: HistoryEntry = {
      id: '20261130T070026424Z-ae3c0f12',
      time: '2026-11-30T07:00:26.424Z',
      author: 'Secretariat',
      onBehalfOf: 'EU',
      command: 'accept 61 "Alt 3"',
      message: 'as agreed in informals',
      revision: 'Rev.2',
      changes: [{ paragraph: before.address, before, after: { ...before, alternatives: [] } }],
    };
    expect(JSON.stringify(quickSchemaParse('history', entry))).toBe(JSON.stringify(historyEntrySchema.parse(entry)));
    for (const time of ['2026-02-30T07:00:26Z', '2026-11-30 07:00:26Z', '2026-11-30T07:00:26+01:00', 'yesterday']) {
      expect(quickSchemaCheck('history', { ...entry, time })).toBe(false);
      expect(historyEntrySchema.safeParse({ ...entry, time }).success).toBe(false);
    }
    holdsAgainstZod(historyEntrySchema, 'history', entry, fc.array(mutation, { minLength: 1, maxLength: 3 }));
  });

  it('never says valid where zod refuses: random damage to a revision manifest (validate reads them quickly)', () => {
    const revision: Revision = {
      name: 'Rev.2',
      time: '2026-11-30T07:00:26.424Z',
      author: 'Secretariat',
      message: 'after the informals',
      draft: 'a5cef37db6428c3a66331dbae13ee153dc0ef764',
      figures: { paragraphs: 3, agreed: 1, agreedAdRef: 0, open: 2, deleted: 0, itemsAgreed: 0, brackets: 4, bracketedParagraphs: 1, alternatives: 2 },
      paragraphs: { '61': '8d41889e2014e2f1a55059eefac0c70f92b2499f', 'art3-2': 'f3a2a713384e632a3ead1bd1c23cc0335aa41753', '7': '96591acc14877c55cced5a7d3ca80b0d675b2deb' },
    };
    expect(JSON.stringify(quickSchemaParse('revision', revision))).toBe(JSON.stringify(revisionSchema.parse(revision)));
    for (const paragraphs of [{ '6 1': revision.draft }, { '61': 'ABC' }, { '': revision.draft }]) {
      expect(quickSchemaCheck('revision', { ...revision, paragraphs })).toBe(false);
      expect(revisionSchema.safeParse({ ...revision, paragraphs }).success).toBe(false);
    }
    holdsAgainstZod(revisionSchema, 'revision', revision, fc.array(mutation, { minLength: 1, maxLength: 3 }));
  });

  it.each([
    ['a field the schema does not have', { ...busy, colour: 'red' }],
    ['a required field missing', { ...busy, status: undefined }],
    ['a status that is not one', { ...busy, status: 'closed' }],
    ['an address with a space', { ...busy, address: '3 bis' }],
    ['a number on two lines', { ...busy, number: '3\nbis' }],
    ['an empty label', { ...busy, alternatives: [{ label: '', text: 'x' }] }],
    ['a span numbered 0', { ...busy, spans: [{ span: 0, edge: 'inside' }] }],
    ['a span numbered 1.5', { ...busy, spans: [{ span: 1.5, edge: 'inside' }] }],
    ['a scope of two kinds', { ...busy, alternatives: [{ label: 'Alt 1', text: 'x', scope: { insertAt: 'end', replaces: 'a' } }] }],
    ['an insertion after sentence 0', { ...busy, alternatives: [{ label: 'Alt 1', text: 'x', scope: { insertAfterSentence: 0 } }] }],
    ['text that is not a string', { ...busy, text: 3 }],
    ['a bracket of one character (an emoji: two UTF-16 units, one code point)', { ...busy, bracketPositions: [{ in: 'text', bracket: '😀' }] }],
    ['an array where an object stands', [busy]],
  ])('refuses %s, as zod does', (_, value) => {
    expect(quickSchemaCheck('paragraph', value)).toBe(false);
    expect(paragraphSchema.safeParse(value).success).toBe(false);
  });

  it('leaves to zod conventions words, which zod trims as it reads them', () => {
    for (const words of [[' Opción '], [' ']]) {
      const withConventions = { ...meta, conventions: { optionWords: words } };
      expect(quickSchemaCheck('draft', withConventions)).toBe(false);
    }
    expect(draftSchema.safeParse({ ...meta, conventions: { optionWords: [' '] } }).success).toBe(false);
    expect(quickSchemaCheck('draft', { ...meta, conventions: { wordFormatting: { highlight: { green: 'agreed' } } } })).toBe(true);
  });

  it('refuses a date that does not exist: the refinement zod checks is the schema\'s format "date"', () => {
    for (const date of ['2026-02-30', '2026-13-01', '26-02-01']) {
      expect(quickSchemaCheck('draft', { ...meta, date })).toBe(false);
      expect(draftSchema.safeParse({ ...meta, date }).success).toBe(false);
    }
    expect(quickSchemaCheck('draft', { ...meta, date: '2028-02-29' })).toBe(true);
  });

  it('is not sure, so answers false, of a keyword it does not know or a format other than date', () => {
    expect(matchesJsonSchema({ type: 'string', maxLength: 3 }, 'abcdef')).toBe(false);
    expect(matchesJsonSchema({ type: 'string', format: 'email' }, 'a@b.c')).toBe(false);
    expect(matchesJsonSchema({ $ref: '#/$defs/missing' }, 'x')).toBe(false);
    expect(matchesJsonSchema({ type: 'object', properties: {} }, { any: 1 })).toBe(false);
    expect(matchesJsonSchema({ type: 'string', minLength: 1, pattern: '^a' }, 'ab')).toBe(true);
  });

  it('is not sure of a keyword whose value it does not expect, or a subschema that is not an object', () => {
    expect(matchesJsonSchema({ type: 'string', minLength: '3' }, 'abcdef')).toBe(false);
    expect(matchesJsonSchema({ type: 'string', pattern: '(' }, 'x')).toBe(false);
    expect(matchesJsonSchema({ anyOf: { type: 'string' } }, 'x')).toBe(false);
    expect(matchesJsonSchema({ anyOf: [true, { type: 'string' }] }, 'x')).toBe(true);
    expect(matchesJsonSchema({ anyOf: [true] }, 'x')).toBe(false);
    expect(matchesJsonSchema({ type: 'array', items: [{ type: 'string' }] }, ['x'])).toBe(false);
    expect(matchesJsonSchema({ type: 'object', properties: { a: null } }, { a: 1 })).toBe(false);
    expect(matchesJsonSchema({ type: 'object', required: [1] }, {})).toBe(false);
    expect(matchesJsonSchema({ type: 'number', minimum: '0' }, 1)).toBe(false);
  });

  it('follows a schema that refers to itself, and gives defaults as fresh copies', () => {
    const nested = { $defs: { list: { type: 'array', items: { $ref: '#/$defs/list' } } }, $ref: '#/$defs/list' };
    expect(matchesJsonSchema(nested, [[], [[]]])).toBe(true);
    expect(matchesJsonSchema(nested, [[1]])).toBe(false);
    const first = quickSchemaParse('paragraph', { address: '1', status: 'open', bracketed: false, text: 'x' }) as Paragraph;
    const second = quickSchemaParse('paragraph', { address: '2', status: 'open', bracketed: false, text: 'y' }) as Paragraph;
    expect(first.items).toEqual([]);
    first.items.push({ label: 'a)', text: 'z' });
    expect(second.items).toEqual([]);
  });

  it('every zod refinement under the schemas it reads carries a JSON Schema format it checks', () => {
    const refined: string[] = [];
    const seen = new Set<unknown>();
    const visit = (schema: unknown): void => {
      if (seen.has(schema) || typeof schema !== 'object' || schema === null || !('_zod' in schema)) return;
      seen.add(schema);
      const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
      const checks = (def.checks ?? []) as { _zod: { def: { check: string } } }[];
      const meta = z.globalRegistry.get(schema as z.ZodType);
      if (checks.some((c) => c._zod.def.check === 'custom')) refined.push(meta?.['x-ndraft-some'] ? 'some' : String(meta?.format));
      // A value zod changes as it reads it (trim) is marked with a keyword the quick check does not know: zod decides.
      if (checks.some((c) => c._zod.def.check === 'overwrite')) refined.push(meta?.['x-ndraft-trimmed'] === true ? 'trimmed' : 'unmarked overwrite');
      if (def.type === 'pipe' || def.type === 'transform') refined.push(`unmarked ${def.type}`);
      const shape = def.shape as Record<string, unknown> | undefined;
      for (const child of [def.element, def.innerType, def.in, def.out, def.keyType, def.valueType, ...((def.options as unknown[]) ?? []), ...(shape ? Object.keys(shape).map((k) => shape[k]) : [])]) visit(child);
    };
    visit(paragraphSchema);
    visit(draftSchema);
    visit(conventionsSchema);
    visit(historyEntrySchema);
    expect([...new Set(refined)].sort()).toEqual(['date', 'some', 'trimmed']);
  });
});

describe('checkResult: a bad result is refused with zod\'s words, as before the quick check', () => {
  it('a paragraph the quick check doubts goes to zod, whose message the refusal carries', async () => {
    const { checkResult } = await import('../../src/cli/change-paragraph.js');
    const bad = { ...busy, status: 'closed' } as unknown as Paragraph;
    const expected = paragraphSchema.safeParse(bad).error?.message;
    expect(expected).toContain('status');
    await expect(checkResult(bad)).rejects.toThrow(`the change produced an invalid paragraph: ${expected}`);
    await expect(checkResult(paragraphs[0]!)).resolves.toBeUndefined();
  });
});
