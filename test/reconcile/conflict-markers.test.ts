import { describe, expect, it } from 'vitest';
import { conflictMarkerDiagnostic, markConflict, splitConflict } from '../../src/reconcile/conflict-markers.js';

const marked = ['address: "56"', '<<<<<<< HEAD', 'text: ours', '=======', 'text: theirs', '>>>>>>> g77', 'items: []', ''].join('\n');

describe('git conflict markers', () => {
  it('places the first marker for validate', () => {
    expect(conflictMarkerDiagnostic('p/056.yaml', marked)).toEqual({
      code: 'GIT_CONFLICT',
      severity: 'error',
      message: 'git conflict markers: run "ndraft resolve-conflicts"',
      file: 'p/056.yaml',
      line: 2,
      column: 1,
      sourceLine: '<<<<<<< HEAD',
    });
    expect(conflictMarkerDiagnostic('p/056.yaml', 'text: "a <<<<<<< b"\n')).toBeUndefined();
  });

  it('splits a file into its sides; the base only when every conflict shows it (diff3)', () => {
    expect(splitConflict(marked)).toEqual({ ours: 'address: "56"\ntext: ours\nitems: []\n', theirs: 'address: "56"\ntext: theirs\nitems: []\n' });
    const diff3 = marked.replace('=======', '||||||| base\ntext: base\n=======');
    expect(splitConflict(diff3)).toEqual({ ours: 'address: "56"\ntext: ours\nitems: []\n', base: 'address: "56"\ntext: base\nitems: []\n', theirs: 'address: "56"\ntext: theirs\nitems: []\n' });
    expect(splitConflict(marked.replace('>>>>>>> g77\n', ''))).toBeUndefined();
  });

  it('reads back the whole-file conflict the merge driver writes', () => {
    const sides = { ours: 'a: 1\n', base: '', theirs: 'a: 2\n' };
    expect(splitConflict(markConflict(sides, { ours: 'ours', base: 'base', theirs: 'g77' }))).toEqual(sides);
  });
});
