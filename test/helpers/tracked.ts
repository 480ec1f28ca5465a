import type { Attribution } from '../../src/compare/attribute-changes.js';
import type { TrackedChanges } from '../../src/compare/tracked-changes.js';
import type { Draft, Paragraph } from '../../src/model/schemas.js';

/**
 * Tracked changes made by one change per paragraph: each paragraph of `current` that differs
 * from its `baseline` (or that the baseline lacks) changed in one step, by `byOf(address)`.
 */
export function oneStepChanges(baseline: ReadonlyMap<string, Paragraph>, current: Draft, byOf: (address: string) => Attribution, unattributed: Attribution = { author: 'unattributed', date: '2026-01-09T00:00:00Z' }): TrackedChanges {
  const changed = new Map<string, { base?: Paragraph; current: Paragraph; steps: { paragraph: Paragraph; by: Attribution }[] }>();
  for (const p of current.paragraphs) {
    const base = baseline.get(p.address);
    if (base !== undefined && JSON.stringify(base) === JSON.stringify(p)) continue;
    changed.set(p.address, { ...(base ? { base } : {}), current: p, steps: [{ paragraph: p, by: byOf(p.address) }] });
  }
  return { changed, removed: new Map(), unattributed };
}
