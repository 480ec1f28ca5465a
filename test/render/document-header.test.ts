import { describe, expect, it } from 'vitest';
import { documentHeader, headerFields, headerLines, longDate } from '../../src/render/document-header.js';

describe('documentHeader', () => {
  it("takes draft.yaml's symbol and date, each replaced by the export's own", () => {
    expect(documentHeader({ symbol: 'A/CONF.999/L.1', date: '2026-11-30' })).toEqual({ symbol: 'A/CONF.999/L.1', date: '2026-11-30' });
    expect(documentHeader({ symbol: 'A/CONF.999/L.1', date: '2026-11-30' }, { symbol: 'A/CONF.999/L.1/Rev.1', revision: 'Rev.1', date: '2026-12-01' }, '2026-12-02')).toEqual({
      symbol: 'A/CONF.999/L.1/Rev.1',
      revision: 'Rev.1',
      date: '2026-12-01',
      exported: '2026-12-02',
    });
    expect(documentHeader({})).toEqual({});
  });

  it('prints the fields in the order documents print them, the date in words', () => {
    const header = { symbol: 'FCCC/PA/CMA/2026/L.3', revision: 'Rev.2', date: '2026-03-05', exported: '2026-11-30' };
    expect(headerLines(header)).toEqual(['Symbol: FCCC/PA/CMA/2026/L.3', 'Revision: Rev.2', 'Date: 5 March 2026']);
    expect(headerFields({ exported: '2026-11-30' }, true)).toEqual([{ label: 'Exported', value: '30 November 2026' }]);
    expect(headerLines({ exported: '2026-11-30' })).toEqual([]);
    expect(longDate('2026-01-09')).toBe('9 January 2026');
  });
});
