import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDelegations } from '../../src/store/read-delegations.js';
import { makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

function draftWith(content: string): string {
  const dir = makeTempDir('delegations');
  mkdirSync(join(dir, 'paragraphs'));
  writeFileSync(join(dir, 'delegations.yaml'), content);
  return dir;
}

const brief = (d: { code: string; line?: number; column?: number; message: string }) => `${d.line}:${d.column} ${d.code} ${d.message}`;

describe('readDelegations', () => {
  it('no file: no delegations and no problem', async () => {
    expect(await readDelegations(makeTempDir('none'))).toEqual({ diagnostics: [] });
  });

  it('reads the file as ndraft writes it, and in any other YAML style, to the same delegations', async () => {
    const block = await readDelegations(draftWith('delegations:\n  - name: United States\n    aliases:\n      - US\n  - name: EU\n    members:\n      - US\n'));
    const flow = await readDelegations(draftWith('delegations:\n  - { name: United States, aliases: [US] }\n  - {name: EU, members: [US]}\n'));
    expect(block.diagnostics).toEqual([]);
    expect(block.file).toEqual(flow.file);
    expect(block.delegations?.canonical('us')).toBe('United States');
    expect(block.delegations?.members('EU')).toEqual(['United States']);
  });

  it('places schema errors and errors across entries at their line and column, in either style', async () => {
    const unknownField = await readDelegations(draftWith('delegations:\n  - name: France\n    colour: blue\n'));
    expect(unknownField.delegations).toBeUndefined();
    expect(unknownField.diagnostics.map(brief)).toEqual(['3:5 SCHEMA unknown field "colour" in delegations[0]']);
    const member = await readDelegations(draftWith('delegations:\n  - name: France\n  - name: EU\n    members:\n      - Frnace\n'));
    expect(member.delegations).toBeUndefined();
    expect(member.diagnostics.map(brief)).toEqual(['5:9 UNKNOWN_MEMBER member "Frnace" of "EU" is not a delegation of this file; did you mean "France"? Add it as a delegation of its own.']);
    const empty = await readDelegations(draftWith('delegations:\n  - name: ""\n'));
    expect(empty.diagnostics.map(brief)).toEqual(['2:11 SCHEMA delegations[0].name must not be empty']);
    const broken = await readDelegations(draftWith('delegations: [\n'));
    expect(broken.diagnostics[0]?.severity).toBe('error');
  });

  it('does not follow a link out of the draft', async () => {
    const outside = join(makeTempDir('outside'), 'secret.yaml');
    writeFileSync(outside, 'delegations: []\n');
    const dir = makeTempDir('linked');
    symlinkSync(outside, join(dir, 'delegations.yaml'));
    const read = await readDelegations(dir);
    expect(read.delegations).toBeUndefined();
    expect(read.diagnostics.map((d) => d.code)).toEqual(['READ_FAILED']);
  });
});
