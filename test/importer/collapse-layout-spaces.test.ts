import { describe, expect, it } from 'vitest';
import { collapseLayoutSpaces } from '../../src/importer/collapse-layout-spaces.js';

describe('collapseLayoutSpaces', () => {
  it('turns runs of three or more spaces into one, and moves leading padding into the column', () => {
    expect(collapseLayoutSpaces([{ text: '          [US/AU/PE/VN              propose;     CL/MY   ', line: 4, column: 1 }])).toEqual([{ text: '[US/AU/PE/VN propose; CL/MY', line: 4, column: 11 }]);
    expect(collapseLayoutSpaces([{ text: '2.     Each Party', line: 9, column: 2 }])).toEqual([{ text: '2. Each Party', line: 9, column: 2 }]);
  });

  it('leaves one or two spaces and tabs alone (the seed\'s " 1.", docx-to-text indentation)', () => {
    const lines = [{ text: ' 1.', line: 1, column: 1 }, { text: '\t\t3.1\tOption (a):  text', line: 2, column: 1 }];
    expect(collapseLayoutSpaces(lines)).toEqual(lines);
  });
});
