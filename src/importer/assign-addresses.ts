import type { ParagraphNode, SectionNode } from './outline-nodes.js';
import { addressPart } from './build-outline.js';

/**
 * Every paragraph's address, from its printed labels, in reading order: the number as it is
 * printed (`61`, `3bis`, `tt4`), or `pp1`, `pp2`… for unnumbered paragraphs, after the scopes
 * in which numbering restarts (`art3-2`, `opt1-4`, `art3-opt2-pp1`, `5-opta-pp1`). Where that is
 * taken already (numbering restarted in another section), the section is named too (`secb-1`),
 * and as a last resort a counter is added (`1-2`). Given once, at import; never recomputed.
 */
export function assignAddresses(paragraphs: readonly ParagraphNode[], sections: readonly SectionNode[]): Map<ParagraphNode, string> {
  const sectionKeys = sectionKeyMap(sections);
  const used = new Set<string>();
  const unnumbered = new Map<string, number>();
  const addresses = new Map<ParagraphNode, string>();
  const take = (address: string): boolean => {
    if (used.has(address.toLowerCase()) || RESERVED.test(address)) return false;
    used.add(address.toLowerCase());
    return true;
  };
  for (const p of paragraphs) {
    const scope = p.scope.join('-');
    let base: string;
    if (p.number !== undefined && addressPart(p.number) !== '') base = addressPart(p.number);
    else {
      const k = (unnumbered.get(scope) ?? 0) + 1;
      unnumbered.set(scope, k);
      base = `pp${k}`;
    }
    const plain = scope === '' ? base : `${scope}-${base}`;
    const sectionKey = sectionKeys.get(p.section) ?? 'sec';
    let address = plain;
    if (!take(address)) {
      address = `${sectionKey}-${plain}`;
      for (let n = 2; !take(address); n++) address = `${sectionKey}-${plain}-${n}`;
    }
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

/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.|$)/i;
