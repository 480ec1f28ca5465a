import type { Delegations } from '../model/delegations.js';
import { foldName } from '../model/did-you-mean.js';
import { allAlternatives } from '../model/find-wording.js';
import { paragraphName } from '../model/paragraph-name.js';
import { isAgreed } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { STANCE_FIELDS, STANCES, type Stance } from '../model/stances.js';
import { withoutStaleBracketPositions } from '../resolve/bracket-positions.js';

/** One open alternative that at least one delegation holds a position on. */
export interface MatrixColumn {
  paragraph: string;
  /** How messages name the paragraph: `61`, `2 (art3-2)`. */
  name: string;
  /** The item's label, for an item's alternative; for a bracket, the text it stands in when not the paragraph's own ("item f)", "Alt 2"). */
  item?: string;
  /** The alternative's label, or the bracket's words as shown (cut when long). */
  label: string;
  /** For a bracket's column: the bracket as written. */
  bracket?: string;
}

export interface MatrixCell {
  stance: Stance;
  /** The group whose position this is, when groups are expanded to their members. */
  via?: string;
}

export interface MatrixRow {
  delegation: string;
  group: boolean;
  cells: (MatrixCell | undefined)[];
}

/** Delegations × open alternatives and brackets: who proposed, supports or opposes what. */
export interface PositionsMatrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

/**
 * The matrix of positions on the open alternatives (of open paragraphs and of items not agreed)
 * that anyone holds a position on. Rows follow delegations.yaml's order when there is one (names
 * stored before it existed, under any alias, join their delegation's row), else alphabetical.
 * `expandGroups` gives each member of a group the group's position where it holds none of its own.
 */
export function buildPositionsMatrix(paragraphs: readonly Paragraph[], options: { delegations?: Delegations; expandGroups?: boolean } = {}): PositionsMatrix {
  const { delegations } = options;
  const canonical = (name: string) => delegations?.canonical(name) ?? name.trim();
  const columns: MatrixColumn[] = [];
  const byColumn: Map<string, Stance>[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.status !== 'open') continue;
    for (const found of allAlternatives(paragraph)) {
      const item = found.itemIndex === undefined ? undefined : paragraph.items[found.itemIndex];
      if (item && (isAgreed(item.status) || item.status === 'deleted')) continue;
      const held = new Map<string, Stance>();
      for (const stance of STANCES) {
        for (const name of found.alternative[STANCE_FIELDS[stance]] ?? []) if (!held.has(canonical(name))) held.set(canonical(name), stance);
      }
      if (held.size === 0) continue;
      columns.push({ paragraph: paragraph.address, name: paragraphName(paragraph), ...(item ? { item: item.label } : {}), label: found.alternative.label });
      byColumn.push(held);
    }
    // Positions on its open brackets (a hand edit may have left one whose bracket is gone).
    for (const entry of paragraph.bracketPositions === undefined ? [] : (withoutStaleBracketPositions(paragraph).bracketPositions ?? [])) {
      const held = new Map<string, Stance>();
      for (const stance of STANCES) for (const name of entry[STANCE_FIELDS[stance]] ?? []) if (!held.has(canonical(name))) held.set(canonical(name), stance);
      if (held.size === 0) continue;
      columns.push({ paragraph: paragraph.address, name: paragraphName(paragraph), ...(entry.in !== 'text' ? { item: entry.in } : {}), label: shortBracket(entry.bracket), bracket: entry.bracket });
      byColumn.push(held);
    }
  }

  const groups = new Map<string, Set<string>>();
  const membersOf = (name: string) => groups.get(name) ?? groups.set(name, new Set(delegations?.members(name) ?? [])).get(name) as Set<string>;
  const names = new Set(byColumn.flatMap((held) => [...held.keys()]));
  if (options.expandGroups && delegations) {
    for (const name of [...names]) for (const member of membersOf(name)) names.add(member);
  }
  const order = new Map((delegations?.entries ?? []).map((entry, i) => [foldName(entry.name), i]));
  const rank = (name: string) => order.get(foldName(name)) ?? Infinity;
  const rows = [...names]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((delegation): MatrixRow => ({
      delegation,
      group: delegations?.isGroup(delegation) ?? false,
      cells: byColumn.map((held) => {
        const own = held.get(delegation);
        if (own !== undefined) return { stance: own };
        if (!options.expandGroups || !delegations) return undefined;
        const group = [...held.keys()].find((name) => membersOf(name).has(delegation));
        return group === undefined ? undefined : { stance: held.get(group) as Stance, via: group };
      }),
    }));
  return { columns, rows };
}

/** A column's heading: `61 Alt 3`, `71 f) Alt 71g1`. */
export function columnHeading(column: MatrixColumn): string {
  return [column.name, column.item, column.label].filter((part) => part !== undefined).join(' ');
}

/** `[management/development]`, cut after 30 characters: a bracket as a column heading. */
function shortBracket(bracket: string): string {
  const inside = [...bracket.replace(/\s+/gu, ' ').slice(1, -1)];
  return `[${inside.length <= 30 ? inside.join('') : `${inside.slice(0, 29).join('').trimEnd()}…`}]`;
}
