import { join } from 'node:path';
import { inputError } from '../../diagnostics/diagnostic.js';
import type { DelegationEntry, DelegationsFile } from '../../model/delegations-schema.js';
import { Delegations, resolveDelegation } from '../../model/delegations.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { locateDraft } from '../../store/locate-draft.js';
import { DELEGATIONS_FILE, usableDelegations } from '../../store/read-delegations.js';
import { serializeYaml } from '../../store/serialize.js';
import { colorsFor, type Io } from '../io.js';
import { whileLocked } from '../lock-draft.js';

export interface DelegationAddOptions {
  draft?: string;
  alias?: string[];
  group?: string;
  member?: string[];
  dryRun?: boolean;
}

/**
 * `ndraft delegation add <name> [--alias A …] [--group G] [--member M …]`: names a delegation in
 * delegations.yaml (created when the draft has none), under the draft's lock, written atomically.
 * `--group G` makes it a member of group G; `--member M` makes it a group of M ….
 */
export async function delegationAddCommand(name: string, options: DelegationAddOptions, io: Io): Promise<number> {
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  const work = async () => {
    const read = await usableDelegations(dir);
    const file: DelegationsFile = structuredClone(read.file ?? { delegations: [] });
    const known = read.delegations ?? new Delegations([]);
    const entry = newEntry(name, options, known);
    file.delegations.push(entry);
    let summary = `added ${entry.name}${entry.aliases ? ` (also ${entry.aliases.join(', ')})` : ''}${entry.members ? `, a group of ${entry.members.join(', ')}` : ''}`;
    if (options.group !== undefined) {
      const groupName = resolveDelegation(options.group, read.delegations);
      const group = file.delegations.find((d) => d.name === groupName) as DelegationEntry;
      group.members = [...(group.members ?? []), entry.name];
      summary += `, member of ${group.name}`;
    }
    const problems = new Delegations(file.delegations).problems;
    if (problems.length > 0) throw inputError(`refused: ${problems.map((p) => p.message).join('; ')}`);
    const c = colorsFor(io);
    const text = serializeYaml(file, 'delegations', join(dir, DELEGATIONS_FILE));
    if (options.dryRun) {
      io.write(`${c.bold('Dry run')}, nothing written. Would have: ${summary} in ${DELEGATIONS_FILE}\n`);
      return 0;
    }
    writeFileAtomic(join(dir, DELEGATIONS_FILE), text);
    io.write(`${c.green('✓')} ${summary.charAt(0).toUpperCase()}${summary.slice(1)} in ${DELEGATIONS_FILE}\n`);
    return 0;
  };
  return options.dryRun ? work() : whileLocked(io, dir, `delegation add ${name}`, work);
}

/** The new entry: its name and aliases unused so far, its members known (stored by their canonical names). */
function newEntry(name: string, options: DelegationAddOptions, known: Delegations): DelegationEntry {
  const clean = (s: string) => s.replace(/\s+/gu, ' ').trim();
  const given = clean(name);
  if (given === '') throw inputError('the delegation\'s name is empty');
  const aliases = [...new Set((options.alias ?? []).map(clean).filter((a) => a !== ''))];
  for (const n of [given, ...aliases]) {
    const taken = known.canonical(n);
    if (taken !== undefined) throw inputError(`"${n}" already names ${taken} in ${DELEGATIONS_FILE}`);
  }
  const members = (options.member ?? []).map((m) => resolveDelegation(m, known));
  return { name: given, ...(aliases.length > 0 ? { aliases } : {}), ...(members.length > 0 ? { members: [...new Set(members)] } : {}) };
}

/** `ndraft delegation list [--json]`: the delegations and groups delegations.yaml names. */
export async function delegationListCommand(options: { draft?: string; json?: boolean }, io: Io): Promise<number> {
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  const { file } = await usableDelegations(dir);
  if (options.json) {
    io.write(`${JSON.stringify(file ?? null, null, 2)}\n`);
    return 0;
  }
  if (file === undefined) {
    io.write(`No ${DELEGATIONS_FILE}: --by takes any name. Name the delegations with "ndraft delegation add <name> --alias <short name>".\n`);
    return 0;
  }
  const c = colorsFor(io);
  for (const entry of file.delegations) {
    const aliases = entry.aliases?.length ? ` ${c.dim(`(${entry.aliases.join(', ')})`)}` : '';
    const members = entry.members?.length ? `: group of ${entry.members.join(', ')}` : '';
    io.write(`${c.bold(entry.name)}${aliases}${members}\n`);
  }
  return 0;
}
