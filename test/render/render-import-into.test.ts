import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { diffWordings } from '../../src/diff/wording-diff.js';
import { renderImportIntoSummary, renderImportIntoWarnings } from '../../src/render/render-import-into.js';
import type { ImportIntoReport } from '../../src/revisions/import-into-draft.js';

const c = new Chalk({ level: 0 });
const report: ImportIntoReport = {
  matchedByNumber: 2,
  matchedByContent: 1,
  unchanged: 0,
  updated: ['7', '8', '9'],
  renumbered: [{ address: '9', before: '9', after: '10' }],
  added: ['9-rev2'],
  removed: ['12'],
  agreedReworded: [
    { address: '7', before: '7', after: '7', diffs: [{ name: 'item b)', changes: diffWordings('for small States.', 'for small island States.') }], stillAgreed: false },
    { address: '8', before: '8', after: '8', diffs: [], stillAgreed: true, bracketed: { before: false, after: true } },
  ],
  removedWithWork: [{ address: '12', what: ['agreed', '1 signed note'] }],
  agreementKept: ['9 item a)'],
  reinstated: ['10'],
  dropped: [{ address: '9', what: 'positions on "Alt 4" (not in the new text)' }],
};

describe('renderImportIntoWarnings and renderImportIntoSummary', () => {
  it('say each agreed paragraph reworded with its word diff, then what was removed, reinstated or dropped', () => {
    expect(renderImportIntoWarnings(report, c)).toEqual([
      'AGREED TEXT REWORDED: warning: paragraph 7 was agreed, and the new text rewords it; it is open again [AGREED_REWORDED]\n  item b): for small {+island+} States.',
      'AGREED TEXT REWORDED: warning: paragraph 8 was agreed, and the new text rewords it; the new text still marks it agreed [AGREED_REWORDED]\n  now bracketed as a whole',
      'warning: paragraph 12 is not in the new text: removed, and with it what was set on it (agreed, 1 signed note); history keeps it ("ndraft log 12") [REMOVED_WITH_WORK]',
      'warning: paragraph 10 was deleted in the draft, and the new text prints it again without "(Deleted)": it is open again ("ndraft delete 10" deletes it again) [DELETED_REINSTATED]',
      'warning: paragraph 9: positions on "Alt 4" (not in the new text) could not be kept [POSITION_DROPPED]',
    ]);
  });

  it('sum up, naming the agreed paragraphs reworded again', () => {
    expect(renderImportIntoSummary(report, 'Imported', 4, 5, c).split('\n')).toEqual([
      'Imported',
      '  paragraphs    4: 2 matched by number, 1 by content (renumbered), 1 new',
      '  unchanged     0',
      '  updated       3: 7, 8, 9',
      '  renumbered    1: 9 → 10',
      '  added         1: 9-rev2',
      '  removed       1: 12',
      '  kept agreed   1 (same wording; the new text marks none): 9 item a)',
      '  agreed, now reworded 2: 7, 8',
      '  reinstated    1 (deleted in the draft, printed again): 10',
      '  dropped       1 (positions or notes with nowhere to go: see the warnings)',
      '  warnings      5',
    ]);
  });
});
