import { describe, expect, it } from 'vitest';
import { describeFurniture } from '../../src/importer/describe-prepared-source.js';
import { prepareSource } from '../../src/importer/prepare-source.js';

const text = 'Running head of the draft\n1. One.\n\n          1\n\fRunning head of the draft\n2. Two.3\n3   The note.\n\n          2\n\fRunning head of the draft\n    3.    Three.\n';
const source = prepareSource(text, { file: 'f.txt' });

describe('describing what cleaning removed', () => {
  it('says the furniture in words, with the distinct texts of the running lines', () => {
    expect(describeFurniture(source.furniture)).toBe('7 lines of page furniture removed: 2 form feeds, 3 page header lines ("Running head of the draft"), 2 page numbers');
    expect(describeFurniture([])).toBeUndefined();
  });
});
