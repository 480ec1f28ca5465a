/**
 * Paragraphs for the resolve tests: the bundled draft's files read as they are stored, and small
 * hand-built ones. Not a test file itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { paragraphSchema, type HistoryEntry, type Paragraph } from '../../src/model/schemas.js';
import { paragraphFileName } from '../../src/store/paragraph-file-name.js';
import { BUNDLED_DRAFT } from '../helpers/sandbox.js';

/** A paragraph of the bundled draft, read from its YAML file and checked against the schema. */
export function bundled(number: string): Paragraph {
  const source = readFileSync(join(BUNDLED_DRAFT, 'paragraphs', paragraphFileName(number)), 'utf8');
  return paragraphSchema.parse(parse(source));
}

/** An open, unbracketed paragraph 9 with plain text, overridden by `fields`. */
export function paragraph(fields: Partial<Paragraph> = {}): Paragraph {
  return { address: '9', number: '9', status: 'open', bracketed: false, text: 'We agree.', items: [], alternatives: [], ...fields };
}

/** Runs `fn` on a deep copy of `input` and checks that `input` itself is left as it was. */
export function leavesInputAlone<T>(input: Paragraph, fn: (p: Paragraph) => T): T {
  const pristine = structuredClone(input);
  const result = fn(input);
  expect(input).toEqual(pristine);
  return result;
}

let clock = Date.UTC(2026, 0, 2, 10, 0, 0);

/** A history entry recording one change of one paragraph, a second after the previous one. */
export function historyEntry(command: string, before: Paragraph | null, after: Paragraph | null, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  const time = new Date((clock += 1000));
  const id = `${time.toISOString().replace(/[-:.]/g, '')}-${(clock % 65536).toString(16).padStart(4, '0')}`;
  return {
    id,
    time: time.toISOString(),
    author: 'Chair',
    command,
    changes: [{ paragraph: (before ?? after)?.number ?? '9', before, after }],
    ...extra,
  };
}
