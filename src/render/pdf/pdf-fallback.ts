import { RTL_LETTER } from '../docx-runs.js';

/**
 * Why ndraft's own PDF writer cannot set a text faithfully, if it cannot: it lays out glyphs left
 * to right, one per character, in Tinos. Right-to-left scripts need the bidi algorithm; Indic,
 * Thai, Khmer and the like (and combining marks) need shaping; and a character Tinos has no glyph
 * for would print as an empty box. Such a draft is printed by Chromium instead (`print-pdf.ts`).
 */
export interface PdfFallback {
  reason: 'right-to-left text' | 'a script that needs shaping' | 'a character the Tinos font has no glyph for';
  /** The first such character. */
  character: string;
  /** Where it stands: `paragraph 61`, `the title`, `section 3`. */
  where: string;
}

/** Right-to-left marks, embeddings, overrides and isolates: text that asks to be laid out right to left. */
const RIGHT_TO_LEFT_MARK = /[\u200F\u202B\u202E\u2067]/;
const SHAPED =
  /[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Lao}\p{Script=Tibetan}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Mongolian}\p{Script=Javanese}\p{Script=Balinese}\p{Script=Tai_Tham}\p{M}]/u;
/**
 * Characters that are not drawn: layout handles them (tab, line break) or they are invisible
 * format characters (zero-width space, joiners, soft hyphen, left-to-right marks), left out.
 */
const UNDRAWN = /[\t\n\p{Cf}\u00AD]/u;

/**
 * The first reason in `text` to print with a browser, or none. `hasGlyph` says whether the face
 * the text is set in has a glyph for a code point. Text that is all printable ASCII (nearly every
 * text) is passed after one test.
 */
export function pdfFallback(text: string, where: string, hasGlyph: (codePoint: number) => boolean): PdfFallback | undefined {
  if (/^[\x20-\x7e\t\n]*$/.test(text)) return undefined;
  for (const character of text) {
    if (RTL_LETTER.test(character) || RIGHT_TO_LEFT_MARK.test(character)) return { reason: 'right-to-left text', character, where };
    if (SHAPED.test(character)) return { reason: 'a script that needs shaping', character, where };
    if (!UNDRAWN.test(character) && !hasGlyph(character.codePointAt(0) as number)) return { reason: 'a character the Tinos font has no glyph for', character, where };
  }
  return undefined;
}

/** The CLI's one line: `the PDF is printed by Chromium: paragraph 12 has right-to-left text (U+0627 "ا")`. */
export function describeFallback(fallback: PdfFallback): string {
  const code = `U+${(fallback.character.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
  return `${fallback.where} has ${fallback.reason} (${code} "${fallback.character}"), which ndraft's own PDF writer cannot set, so the PDF is printed by Chromium from the HTML export`;
}
