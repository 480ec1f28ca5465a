/**
 * Option labels come in series: `Option 1, 2, 3`, `Option (a), (b)`, `Option A, B`, `Option I, II`.
 * A label that continues the open block's series is its next option; one that starts another
 * series opens a block inside the current option; one that continues an enclosing block's series
 * closes the blocks inside it. `I`, `V`, `X`, `C` can be roman numerals or letters, so a key may
 * have two readings; the outline builder takes the one that fits.
 */
export interface OptionReading {
  series: 'number' | 'letter' | 'paren-letter' | 'paren-number' | 'roman';
  index: number;
}

export interface OptionKey {
  readings: OptionReading[];
}

export function optionKey(written: string): OptionKey {
  const paren = written.startsWith('(');
  const core = written.replace(/[()]/g, '');
  const readings: OptionReading[] = [];
  const latin = new RegExp(`^(\\d+)\\s?(${LATIN_SUFFIXES})$`, 'i').exec(core);
  if (/^\d+[A-Za-z]?$/.test(core)) {
    // `2A` is read as 2 of its numbered series: sub-variants sit beside their number.
    readings.push({ series: paren ? 'paren-number' : 'number', index: Number.parseInt(core, 10) });
  } else if (latin) {
    // `Option 1 bis`, `Option 1ter` come after 1 and before 2.
    readings.push({ series: paren ? 'paren-number' : 'number', index: Number(latin[1]) + latinRank(latin[2] as string) / 10 });
  } else {
    if (/^[A-Za-z]$/.test(core)) readings.push({ series: paren ? 'paren-letter' : 'letter', index: core.toLowerCase().charCodeAt(0) - 96 });
    const roman = romanValue(core);
    if (roman !== undefined && !paren) readings.push({ series: 'roman', index: roman });
  }
  return { readings };
}

/** The reading of `key` that is option `index` of `series`, if any. */
export function readingIn(key: OptionKey, series: OptionReading['series']): OptionReading | undefined {
  return key.readings.find((r) => r.series === series);
}

/**
 * The reading of `key` that comes after `open` in its block: a later option of the same series,
 * or the very next one written with the other kind of numeral (`Option I` … `Option 2`, a slip
 * that real drafts make), read as the block's series.
 */
export function nextReading(key: OptionKey, open: OptionReading): OptionReading | undefined {
  const same = readingIn(key, open.series);
  if (same) return same.index > open.index ? same : undefined;
  const twin = open.series === 'roman' ? 'number' : open.series === 'number' ? 'roman' : undefined;
  const other = twin ? readingIn(key, twin) : undefined;
  return other?.index === open.index + 1 ? { series: open.series, index: other.index } : undefined;
}

/** The reading that opens a series (its first option), preferring numbers, then letters, then roman. */
export function openingReading(key: OptionKey): OptionReading | undefined {
  return key.readings.find((r) => r.index === 1) ?? key.readings[0];
}

function romanValue(text: string): number | undefined {
  if (!/^[IVXLC]+$/.test(text)) return undefined;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = values[text[i] as string] as number;
    const next = values[text[i + 1] as string] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** The option's own label without its word: `Option 2` → `2`, `Opción (b)` → `(b)`, `Option 1 bis` → `1 bis` (a line's label is its word, a space and the id). */
export function optionId(label: string): string {
  return label.slice(label.search(new RegExp(`\\S+(?:\\s(?:${LATIN_SUFFIXES}))?$`, 'i')));
}

/** The Latin suffixes of numbers, as `61quater`, `Article 3 bis` and `Option 1 bis` use them (a regular expression's alternatives). */
export const LATIN_SUFFIXES = 'bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies';

/** 1 for bis, 2 for ter … */
function latinRank(suffix: string): number {
  const word = suffix.toLowerCase();
  return LATIN_SUFFIXES.split('|').filter((w) => w !== 'nonies').indexOf(word === 'nonies' ? 'novies' : word) + 1;
}
