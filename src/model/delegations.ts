import { inputError } from '../diagnostics/diagnostic.js';
import type { DelegationEntry, DelegationsFile } from './delegations-schema.js';
import { didYouMean, foldName } from './did-you-mean.js';

/** A problem across the entries of delegations.yaml, at a path in the file. */
export interface DelegationsProblem {
  code: 'DUPLICATE_DELEGATION' | 'UNKNOWN_MEMBER' | 'OWN_MEMBER';
  message: string;
  path: (string | number)[];
}

/**
 * The delegations of a draft, as delegations.yaml names them: every name and alias leads to one
 * canonical name (case and spacing aside), and a group to its members.
 */
export class Delegations {
  private readonly byName = new Map<string, DelegationEntry>();
  readonly problems: DelegationsProblem[] = [];

  constructor(readonly entries: readonly DelegationEntry[]) {
    entries.forEach((entry, e) => {
      [entry.name, ...(entry.aliases ?? [])].forEach((name, n) => {
        const key = foldName(name);
        const earlier = this.byName.get(key);
        const path = n === 0 ? ['delegations', e, 'name'] : ['delegations', e, 'aliases', n - 1];
        if (earlier === undefined) this.byName.set(key, entry);
        else if (earlier !== entry || n > 0) {
          this.problems.push({ code: 'DUPLICATE_DELEGATION', message: `"${name}" already names ${earlier === entry ? 'this delegation' : `"${earlier.name}"`}; each name and alias is used once`, path });
        }
      });
    });
    entries.forEach((entry, e) =>
      (entry.members ?? []).forEach((member, m) => {
        const path = ['delegations', e, 'members', m];
        const found = this.byName.get(foldName(member));
        if (found === entry) this.problems.push({ code: 'OWN_MEMBER', message: `group "${entry.name}" lists itself as a member`, path });
        else if (found === undefined) this.problems.push({ code: 'UNKNOWN_MEMBER', message: `member "${member}" of "${entry.name}" is not a delegation of this file${hint(didYouMean(member, this.names()))} Add it as a delegation of its own.`, path });
      }),
    );
  }

  /** The canonical name for any of a delegation's names, or undefined. */
  canonical(name: string): string | undefined {
    return this.byName.get(foldName(name))?.name;
  }

  /** Every name and alias, for suggestions. */
  names(): string[] {
    return this.entries.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])]);
  }

  /** The canonical names of a group's members, its members' members included (once each); [] for a delegation that is no group. */
  members(name: string): string[] {
    const out = new Set<string>();
    const seen = new Set<DelegationEntry>();
    const visit = (entry: DelegationEntry | undefined) => {
      if (entry === undefined || seen.has(entry)) return;
      seen.add(entry);
      for (const member of entry.members ?? []) {
        const found = this.byName.get(foldName(member));
        if (found === undefined || seen.has(found)) continue;
        if (found.members?.length) visit(found);
        else out.add(found.name);
      }
    };
    visit(this.byName.get(foldName(name)));
    return [...out];
  }

  /** Whether the name is a group's. */
  isGroup(name: string): boolean {
    return (this.byName.get(foldName(name))?.members?.length ?? 0) > 0;
  }
}

export function delegationsOf(file: DelegationsFile): Delegations {
  return new Delegations(file.delegations);
}

/**
 * The delegation a `--by` names, as it is stored: with no delegations file, the name as given;
 * with one, its canonical name, and an unknown name is refused with the nearest ones.
 */
export function resolveDelegation(name: string, delegations: Delegations | undefined): string {
  const given = name.replace(/\s+/gu, ' ').trim();
  if (given === '') throw inputError('--by is empty; name the delegation, e.g. --by EU');
  if (delegations === undefined) return given;
  const canonical = delegations.canonical(given);
  if (canonical !== undefined) return canonical;
  const suggestions = didYouMean(given, delegations.names()).map((s) => delegations.canonical(s) === s ? s : `${s} (${delegations.canonical(s)})`);
  const quoted = /^[\w.-]+$/u.test(given) ? given : `"${given.replace(/"/gu, '\\"')}"`;
  throw inputError(`unknown delegation "${given}"${hint(suggestions)} If it is a delegation delegations.yaml does not name yet, add it with: ndraft delegation add ${quoted}`);
}

/** `; did you mean "United States"?`, or a full stop when there is nothing near. */
function hint(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '.';
  return `; did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`;
}
