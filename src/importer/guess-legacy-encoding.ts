import { TextDecoder } from 'node:util';

/**
 * What a file that is not UTF-8 probably is. Windows-1252 is accepted only when it reads as Latin
 * text: accented letters sit inside otherwise ASCII words (café, Régime, Übereinkommen), and the
 * bytes 0x80-0x9F are Word's quotes and dashes. Cyrillic and Arabic legacy files are different:
 * whole words are made of high bytes, which windows-1252 would turn into mojibake such as
 * "Ñòîðîíû", so those are refused with the encoding they most likely are.
 */
export type LegacyGuess = { kind: 'windows-1252'; text: string } | { kind: 'unknown'; candidates: string[]; script?: 'Cyrillic' | 'Arabic' };

export function guessLegacyEncoding(bytes: Uint8Array): LegacyGuess {
  const high = highByteShape(bytes);
  if (high.total === 0) return { kind: 'unknown', candidates: ['windows-1252'] };
  const nonLatin = high.inLongRuns / high.total > 0.5;
  if (!nonLatin && !high.undefinedIn1252) {
    const text = decodeWindows1252(bytes);
    if (readsAsLatinText(text)) return { kind: 'windows-1252', text };
  }
  return rankOtherScripts(bytes);
}

/** Node's TextDecoder decodes windows-1252 as ISO-8859-1, which turns 0x80-0x9F into controls, so map them here. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** How the bytes >= 0x80 are spread: inside ASCII words, or in runs of three or more (whole words of another script). */
function highByteShape(bytes: Uint8Array): { total: number; inLongRuns: number; undefinedIn1252: boolean } {
  let total = 0;
  let inLongRuns = 0;
  let run = 0;
  let undefinedIn1252 = false;
  const close = (): void => {
    if (run >= 3) inLongRuns += run;
    run = 0;
  };
  for (const b of bytes) {
    if (b >= 0x80) {
      total++;
      if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) undefinedIn1252 = true;
      // Quotes and dashes (0x91-0x97) and NBSP end a word; they are punctuation in every Latin text.
      if ((b >= 0x91 && b <= 0x97) || b === 0xa0 || b === 0x85) close();
      else run++;
    } else close();
  }
  close();
  return { total, inLongRuns, undefinedIn1252 };
}

/** "Mostly letters": no C1 controls, and at least half of the visible characters are letters. */
function readsAsLatinText(text: string): boolean {
  if (/[\u0080-\u009f]/.test(text)) return false;
  const visible = text.replace(/\s+/g, '');
  if (visible.length === 0) return false;
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  const highChars = text.match(/[^\x00-\x7f]/g) ?? [];
  const oddHigh = highChars.filter((c) => !/[\p{L}\u00a0\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac\u00a7\u00b0\u00ab\u00bb\u00a9\u00ae\u2122\u00b7\u00bd\u00bc\u00be\u00b2\u00b3\u00b9\u00aa\u00ba\u00a3\u00a2\u00a5\u00b1\u00d7\u00f7\u00bf\u00a1\u2020\u2021\u2030\u00ad]/u.test(c)).length;
  return letters / visible.length >= 0.5 && oddHigh <= highChars.length * 0.1;
}

interface Candidate {
  encoding: string;
  script: 'Cyrillic' | 'Arabic';
  score: number;
}

/** Decode with each likely legacy encoding and keep those whose high bytes form words of one script. */
function rankOtherScripts(bytes: Uint8Array): LegacyGuess {
  const highOnly = bytes.filter((b) => b >= 0x80);
  const candidates: Candidate[] = [
    { encoding: 'windows-1251', script: 'Cyrillic', score: cyrillicScore(decode('windows-1251', highOnly), decode('windows-1251', bytes)) },
    { encoding: 'koi8-r', script: 'Cyrillic', score: cyrillicScore(decode('koi8-r', highOnly), decode('koi8-r', bytes)) },
    { encoding: 'windows-1256', script: 'Arabic', score: share(decode('windows-1256', highOnly), /[\u0621-\u0652]/gu) },
  ];
  const likely = candidates.filter((c) => c.score >= 0.6).sort((a, b) => b.score - a.score);
  const best = likely[0];
  if (best === undefined) return { kind: 'unknown', candidates: ['windows-1252', 'windows-1251', 'windows-1256'] };
  return { kind: 'unknown', candidates: likely.map((c) => c.encoding), script: best.script };
}

/**
 * windows-1251 and KOI8-R both give Cyrillic letters for nearly every high byte; they differ in
 * case. Running text is mostly lower case, and a word is lower case or capitalised, rarely mixed.
 */
function cyrillicScore(high: string, whole: string): number {
  const cyrillic = share(high, /[\u0410-\u044f\u0401\u0451]/gu);
  const words = whole.match(/[\u0410-\u044f\u0401\u0451]+/gu) ?? [];
  if (words.length === 0) return 0;
  const wellCased = words.filter((w) => /^[\u0410-\u042f\u0401]?[\u0430-\u044f\u0451]*$/u.test(w) || /^[\u0410-\u042f\u0401]+$/u.test(w) && w.length <= 4).length;
  return cyrillic * (wellCased / words.length);
}

function share(text: string, pattern: RegExp): number {
  return text.length === 0 ? 0 : (text.match(pattern)?.length ?? 0) / text.length;
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}
