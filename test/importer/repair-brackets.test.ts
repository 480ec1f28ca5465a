import { describe, expect, it } from 'vitest';
import { repairBrackets } from '../../src/importer/repair-brackets.js';
import { appendLine, newUnit } from '../../src/importer/text-unit.js';
import { setInputLimits } from '../../src/limits/input-limits.js';

function repaired(text: string) {
  const unit = newUnit();
  appendLine(unit, text, 3, 5);
  const warnings: string[] = [];
  const result = repairBrackets(unit, 'paragraph 1', (line, column, code, message) => warnings.push(`${line}:${column} ${code} ${message}`));
  return { text: unit.text, ok: result.ok, warnings };
}

describe('repairBrackets: every repair from one parse', () => {
  it('opens stray "]" at the start and closes unclosed "[" at the end, warning at each', () => {
    expect(repaired('a] b [c')).toEqual({
      text: '[a] b [c]',
      ok: true,
      warnings: ['3:10 UNCLOSED_BRACKET "[" is never closed in paragraph 1; closed at its end', '3:6 UNEXPECTED_CLOSING_BRACKET "]" has no opening bracket in paragraph 1; opened at its start'],
    });
  });

  it('counts past ten repairs of a kind, and stays fast on 100,000 stray brackets', () => {
    setInputLimits({ depth: 1000 });
    try {
      const started = Date.now();
      const { warnings, ok } = repaired(`x ${']'.repeat(100_000)}`);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(ok).toBe(false);
      expect(warnings).toHaveLength(12);
      expect(warnings[10]).toBe('3:17 UNEXPECTED_CLOSING_BRACKET "]" has no opening bracket in paragraph 1; opened at its start (and 99990 more from here on)');
      expect(warnings[11]).toMatch(/NESTING_TOO_DEEP brackets nested 1001 deep, past the limit of 1000 .* in paragraph 1 once its brackets are repaired$/);
    } finally {
      setInputLimits();
    }
  });
});

describe('repairBrackets beside the edges of bracket spans', () => {
  function repairedWith(text: string, spans: { closes: number[]; opens: number[] }) {
    const unit = newUnit();
    appendLine(unit, text, 3, 5);
    const warnings: string[] = [];
    const result = repairBrackets(unit, 'paragraph 1', (line, column, code) => warnings.push(`${line}:${column} ${code}`), spans);
    return { text: unit.text, ok: result.ok, warnings };
  }

  it('never repairs a span\'s own brackets', () => {
    expect(repairedWith('a] b [c', { closes: [1], opens: [2] })).toEqual({ text: 'a] b [c', ok: true, warnings: [] });
  });

  it('opens a stray "]" just after the span\'s "]", and closes a "[" never closed just before the span\'s "["', () => {
    expect(repairedWith('a] b] c [d e [f', { closes: [1], opens: [2] })).toEqual({ text: 'a] [b] c [d e] [f', ok: true, warnings: ['3:13 UNCLOSED_BRACKET', '3:9 UNEXPECTED_CLOSING_BRACKET'] });
  });

  it('repairs at the start and the end, as ever, where the other place would make an empty bracket', () => {
    expect(repairedWith('market.]]', { closes: [1], opens: [] }).text).toBe('[market.]]');
    expect(repairedWith('[[Each Party', { closes: [], opens: [1] }).text).toBe('[[Each Party]');
  });
});
