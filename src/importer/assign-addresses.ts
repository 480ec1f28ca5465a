import type { ParagraphNode, SectionNode } from './outline-nodes.js';
import { isReservedFileName } from '../model/reserved-names.js';
import { addressPart } from './build-outline.js';

/**
 * Every paragraph's address, from its printed labels, in reading order: the number as it is
 * printed (`61`, `3bis`, `tt4`), or `pp1`, `pp2`… for unnumbered paragraphs, after the scopes
 * in which numbering restarts (`art3-2`, `opt1-4`, `art3-opt2-pp1`, `5-opta-pp1`). Where numbering
 * restarts from section to section, the numbered paragraphs of those sections name their section
 * too (`secb-1`, `s5-2`), and as a last resort a counter is added. Given once, at import; never
 * recomputed.
 */
export function assignAddresses(paragraphs: readonly ParagraphNode[], sections: readonly SectionNode[]): Map<ParagraphNode, string> {
  const sectionKeys = sectionKeyMap(sections);
  const unnumbered = new Map<string, number>();
  const plain = new Map<ParagraphNode, string>();
  for (const p of paragraphs) {
    const scope = p.scope.join('-');
    let base: string;
    if (p.number !== undefined && addressPart(p.number) !== '') base = addressPart(p.number);
    else {
      const k = (unnumbered.get(scope) ?? 0) + 1;
      unnumbered.set(scope, k);
      base = `pp${k}`;
    }
    plain.set(p, scope === '' ? base : `${scope}-${base}`);
  }
  // Numbering that restarts section by section: every numbered paragraph of such a section
  // names its section, not only the second one to use a number.
  const uses = new Map<string, number>();
  for (const [p, address] of plain) if (!p.duplicate) uses.set(address.toLowerCase(), (uses.get(address.toLowerCase()) ?? 0) + 1);
  const restarting = new Set<SectionNode>();
  for (const [p, address] of plain) if (p.number !== undefined && (uses.get(address.toLowerCase()) ?? 0) > 1) restarting.add(p.section);

  const used = new Set<string>();
  const take = (address: string): boolean => {
    if (used.has(address.toLowerCase()) || isReservedFileName(address)) return false;
    used.add(address.toLowerCase());
    return true;
  };
  const addresses = new Map<ParagraphNode, string>();
  const nextCopy = new Map<string, number>();
  for (const p of paragraphs) {
    const own = plain.get(p) as string;
    const sectionKey = sectionKeys.get(p.section) ?? 'sec';
    let address = p.number !== undefined && restarting.has(p.section) && p.section.scopeKey === undefined ? `${sectionKey}-${own}` : own;
    if (p.duplicate) {
      // The second `47` of a section: `47-2`, as a merge names the second of two `61bis`; the
      // count goes on from the last one given, so a file printing one number 100,000 times stays linear.
      let n = nextCopy.get(address) ?? 2;
      while (!take(`${address}-${n}`)) n++;
      nextCopy.set(address, n + 1);
      address = `${address}-${n}`;
    } else for (let n = 2; !take(address); n++) address = `${sectionKey}-${own}${n === 2 ? '' : `-${n}`}`;
    addresses.set(p, address);
  }
  return addresses;
}

/** `secb` for section B., `sec3a` for 3a), else `s2` for the second section. */
function sectionKeyMap(sections: readonly SectionNode[]): Map<SectionNode, string> {
  const keys = new Map<SectionNode, string>();
  let count = 0;
  const walk = (list: readonly SectionNode[]) => {
    for (const node of list) {
      count++;
      const number = node.section.number;
      keys.set(node, node.scopeKey ?? (number !== undefined && addressPart(number) !== '' ? `sec${addressPart(number)}` : `s${count}`));
      walk(node.subsections);
    }
  };
  walk(sections);
  return keys;
}

