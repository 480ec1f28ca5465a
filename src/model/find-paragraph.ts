import { inputError } from '../diagnostics/diagnostic.js';
import type { Draft, Paragraph } from './schemas.js';

/** The paragraph a user named, by address or printed number; an error names what the draft holds instead. */
export function findParagraph(draft: Draft, ref: string): Paragraph {
  const byAddress = new Map(draft.paragraphs.map((p) => [p.address, p]));
  return paragraphNamed(ref, (address) => byAddress.get(address), () => draft.paragraphs);
}

/**
 * The paragraph a user named: its address (`art3-2`, `61`), in any case, or its printed number
 * (`61`, `3 bis`) where only one paragraph carries it; an ambiguous number is an error listing
 * the candidates. `lookup` finds one paragraph by its exact address (a command on one paragraph
 * of a large draft reads that one only); `all`, in reading order, is read only when the exact
 * address does not match.
 */
export function paragraphNamed(ref: string, lookup: (address: string) => Paragraph | undefined, all: () => readonly Paragraph[]): Paragraph {
  const exact = lookup(ref);
  if (exact) return exact;
  const paragraphs = all();
  const sameAddress = paragraphs.filter((p) => p.address.toLowerCase() === ref.toLowerCase());
  if (sameAddress.length === 1) return sameAddress[0] as Paragraph;
  // `3bis` names a paragraph printed `3 bis`; `061` or `61.` get a "did you mean" instead.
  const spelling = (n: string) => n.toLowerCase().replace(/\s+/gu, '');
  const sameNumber = paragraphs.filter((p) => p.number !== undefined && spelling(p.number) === spelling(ref));
  if (sameNumber.length === 1) return sameNumber[0] as Paragraph;
  if (sameNumber.length > 1) {
    throw inputError(`paragraph number ${ref} is printed ${sameNumber.length} times in this draft; name one by its address: ${sameNumber.map((p) => p.address).join(', ')}`);
  }
  throw inputError(unknownNumberMessage(ref, paragraphs.map((p) => p.address)));
}

/** Says what the draft does hold: the same number spelt differently, else the nearest numbers. */
function unknownNumberMessage(number: string, numbers: readonly string[]): string {
  if (numbers.length === 0) return `no paragraph ${number}: the draft has no paragraphs`;
  const range = numbers.length === 1 ? `its only paragraph is ${numbers[0]}` : `its ${numbers.length} paragraphs run from ${numbers[0]} to ${numbers[numbers.length - 1]}`;
  const message = `no paragraph ${number} in this draft (${range})`;
  const sameNumber = numbers.filter((n) => normalize(n) === normalize(number));
  if (sameNumber.length > 0) return `${message}; did you mean ${sameNumber.join(' or ')}?`;
  const nearest = nearestNumbers(number, numbers);
  return nearest.length > 0 ? `${message}; nearest: ${nearest.join(', ')}` : message;
}

/** `61.`, `061`, `61 BIS` and `61bis` all name the same paragraph. */
function normalize(number: string): string {
  return number.toLowerCase().replace(/\s+/gu, '').replace(/\.$/u, '').replace(/^0+(?=\d)/u, '');
}

/** Its own variants (`61bis` for `61`), then the closest numbers below and above; else close spellings. */
function nearestNumbers(number: string, numbers: readonly string[]): string[] {
  const lead = leadingNumber(normalize(number));
  if (lead === undefined) {
    const wanted = normalize(number);
    const tolerance = Math.max(1, Math.floor(wanted.length / 3));
    return numbers.filter((n) => editDistance(normalize(n), wanted) <= tolerance).slice(0, 3);
  }
  const variants = numbers.filter((n) => leadingNumber(normalize(n)) === lead);
  if (variants.length > 0) return variants.slice(0, 5);
  const leads = numbers.map((n) => ({ n, lead: leadingNumber(normalize(n)) }));
  const below = leads.filter((x) => x.lead !== undefined && x.lead < lead).sort((a, b) => (b.lead as number) - (a.lead as number))[0];
  const above = leads.filter((x) => x.lead !== undefined && x.lead > lead).sort((a, b) => (a.lead as number) - (b.lead as number))[0];
  return [below?.n, above?.n].filter((n): n is string => n !== undefined);
}

function leadingNumber(number: string): number | undefined {
  const match = /^\d+/u.exec(number);
  return match ? Number(match[0]) : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}
