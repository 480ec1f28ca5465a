/** A delegation's position on an alternative. */
export type Stance = 'proposed' | 'supported' | 'opposed';

/** Where each position is kept on an alternative, in the order they are shown. */
export const STANCE_FIELDS = { proposed: 'proposedBy', supported: 'supportedBy', opposed: 'opposedBy' } as const;

export const STANCES = Object.keys(STANCE_FIELDS) as Stance[];

/** Anything that carries positions: an alternative, a wording compared by `diff`. */
export type PositionHolder = { [F in (typeof STANCE_FIELDS)[Stance]]?: readonly string[] | undefined };

/**
 * `["proposed by EU", "supported by G77, AOSIS", "opposed by United States"]`: the positions as
 * every format shows them, each name passed through `name` (a format's escaping).
 */
export function stancePhrases(holder: PositionHolder, name: (delegation: string) => string = (d) => d): string[] {
  return STANCES.filter((stance) => (holder[STANCE_FIELDS[stance]] ?? []).length > 0).map((stance) => `${stance} by ${(holder[STANCE_FIELDS[stance]] ?? []).map(name).join(', ')}`);
}
