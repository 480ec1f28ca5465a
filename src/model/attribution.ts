/**
 * A bracket that opens with the delegations proposing or opposing it, as TPP-style compilations
 * write: `[NZ/CL/PE propose; US/JP oppose: …]`, `[US: …]`, `[CA Propose. …]`. The prefix is part of
 * the text; where a paragraph number follows it (`[NZ/CA propose: 1. Each Party …`), the number is
 * the paragraph's, printed back after the prefix.
 */
const DELEGATIONS = String.raw`[A-Z]{2,3}\d{0,3}(?:\s*\/+\s*[A-Z]{2,3}\d{0,3})*`;
const STANCE = String.raw`\s+(?:propose|oppose|Propose|Oppose)[;,]?`;
export const ATTRIBUTION_PREFIX = new RegExp(String.raw`^\[+\s*${DELEGATIONS}(?:${STANCE}(?:\s*${DELEGATIONS}${STANCE})?)?\s*[:.]\s*`);

/** The attribution that opens a text, if any: `[NZ/CA propose: `. */
export function attributionPrefix(text: string): string | undefined {
  return ATTRIBUTION_PREFIX.exec(text)?.[0];
}

/** The label an attributed proposal goes by: its prefix without the bracket and colon (`CA propose; MX/US oppose`). */
export function attributionLabel(prefix: string): string {
  return prefix.replace(/^\[+\s*|\s*[:.]\s*$/g, '');
}

/**
 * Whether the bracket the attribution opens runs to the end of the text (or beyond it, into the
 * next paragraph): the whole paragraph is that delegation's proposal. `[US: Further to …,] the
 * Parties …` is not: there the attribution brackets a few words only.
 */
export function attributionCoversText(text: string): boolean {
  const opening = /^\[+/.exec(text)?.[0].length ?? 0;
  if (opening === 0) return false;
  let depth = opening;
  for (let i = opening; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    // Closing brackets, or a footnote number (`.]103`), may follow it.
    else if (c === ']' && --depth < opening) return /^[\s\]]*\d{0,3}$/.test(text.slice(i + 1));
  }
  return true;
}
