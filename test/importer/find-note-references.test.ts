import { describe, expect, it } from 'vitest';
import { findNoteReferences, removeReferenceSpans } from '../../src/importer/find-note-references.js';
import { splitSourceLines } from '../../src/importer/split-source-lines.js';

function cut(text: string, markers: string[]): { text: string; found: string[] } {
  const lines = splitSourceLines(text);
  const result = removeReferenceSpans(lines, findNoteReferences(lines, markers));
  return { text: result.lines.map((l) => l.text).join('\n'), found: result.references.map((r) => r.marker) };
}

describe('findNoteReferences', () => {
  it.each([
    ['the long-term goal.3 of', ['3'], 'the long-term goal. of'],
    ['Declaration of Principles.2', ['2'], 'Declaration of Principles.'],
    ['text ]4[ more', ['4'], 'text ][ more'],
    ['[NZ/CA5/MX6 propose', ['5', '6'], '[NZ/CA/MX propose'],
    ['Each Party shall89 disregard', ['89'], 'Each Party shall disregard'],
    ['[CL/PE:11 3. [Except', ['11'], '[CL/PE: 3. [Except'],
    ['propose;99 CL/MY', ['99'], 'propose; CL/MY'],
    ['{Objectives}4', ['4'], '{Objectives}'],
    ['of the TRIPS Agreement [3].', ['3'], 'of the TRIPS Agreement.'],
    ['the public disclosure[ 90]', ['90'], 'the public disclosure'],
    ['industrial application. 87 [US/AU', ['87'], 'industrial application. [US/AU'],
  ])('%s', (text, markers, expected) => {
    expect(cut(text, markers)).toEqual({ text: expected, found: markers });
  });

  it.each([
    ['Article QQ.A.1: {Definitions}', '1'],
    ['TRIPS Article 1.2 applies', '2'],
    ['as decided by G77 members', '77'],
    ['under paragraph 3 of Article 5', '3'],
    ['1. The Parties', '1'],
    ['on 6 December 2005, and 6, as', '6'],
    ['Article 5A of the Convention', '5'],
    ['as referred to in decision 19/CMA.1.', '1'],
    ['FCCC/CP/2014/10/Add.1 and Rev.2', '1'],
    ['see FCCC/CP/2014/10/Add.1', '1'],
  ])('leaves numbers that are not references: %s', (text, marker) => {
    expect(cut(text, [marker])).toEqual({ text, found: [] });
  });

  it('prefers a glued reference to digits standing apart, and takes digits apart only when there is one candidate', () => {
    expect(cut('Sections 1 through 7 of the Chapter QQ1', ['1'])).toEqual({ text: 'Sections 1 through 7 of the Chapter QQ', found: ['1'] });
    expect(cut('a 12 b 12 c', ['12'])).toEqual({ text: 'a 12 b 12 c', found: [] });
  });

  it('records the original line and column of each reference', () => {
    const lines = [{ text: 'Each Party shall89 disregard', line: 89, column: 5 }];
    expect(removeReferenceSpans(lines, findNoteReferences(lines, ['89'])).references).toEqual([{ marker: '89', line: 89, column: 21 }]);
  });
});
