import { z } from 'zod';

const names = (description: string) => z.array(z.string().trim().min(1)).optional().describe(description);

/**
 * One delegation, or a group of delegations that negotiates as one (EU, G77 and China, AOSIS).
 * Every name and alias is used once in the file, whatever its case; a group's members are
 * delegations of the file, by any of their names (checked across entries: `checkDelegations`).
 */
export const delegationSchema = z
  .strictObject({
    name: z.string().trim().min(1).describe('The canonical name, stored in positions and history: "United States", "European Union"'),
    aliases: names('Other names that --by accepts for it: "US", "USA"'),
    members: names('For a group: its member delegations, each named in this file'),
  })
  .describe('A delegation, or a group when it has members');

/** delegations.yaml, in the draft folder: optional; without it any name is accepted. */
export const delegationsFileSchema = z
  .strictObject({
    delegations: z.array(delegationSchema).describe('Each delegation and group once'),
  })
  .describe('delegations.yaml: the delegations and groups of a negotiation, their aliases and members');

export type DelegationEntry = z.infer<typeof delegationSchema>;
export type DelegationsFile = z.infer<typeof delegationsFileSchema>;
