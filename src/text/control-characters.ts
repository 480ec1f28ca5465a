/**
 * Characters that change what a terminal does or how text is displayed rather than being text:
 * C0 controls other than tab and line feed, DEL, C1 controls, and the explicit bidi embeddings,
 * overrides and isolates (U+202A–202E, U+2066–2069), which can make a line display differently
 * from what it says. The bidi marks real Arabic or Hebrew text needs (LRM, RLM, ALM) are not here.
 */
export const CONTROL_CHARACTER = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

/** How a control character is written where it must be seen: `\e`, `\x07`, `\u202e`. */
export function escapeControl(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x1b) return '\\e';
  if (code === 0x0d) return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character written visibly. */
export function showControls(text: string): string {
  return text.replace(CONTROL_CHARACTERS, escapeControl);
}

/** The first control character in `text`, with its index. */
export function findControl(text: string): { index: number; shown: string } | undefined {
  const match = CONTROL_CHARACTER.exec(text);
  return match ? { index: match.index, shown: escapeControl(match[0]) } : undefined;
}
