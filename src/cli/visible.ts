import { CONTROL_CHARACTER, escapeControl } from '../text/control-characters.js';

/**
 * What ndraft writes to a terminal goes through here, once, whatever printed it: a delegation
 * name, a label or a text from a draft received from someone else must not be able to retitle
 * the window, hide text, move the cursor or reorder a line (`--by $'EU\e]0;owned\a'`). Control
 * characters and bidi overrides are shown as `\e`, `\x07`, `\u202e`. The one escape kept is the
 * colour that ndraft itself adds (chalk's `ESC [ n m`), except "conceal" (8), which hides text.
 */
const UNSAFE = new RegExp(`\\x1b\\[(?!8m)\\d{1,2}m|${CONTROL_CHARACTER.source}`, 'g');

export function visible(text: string): string {
  return text.replace(UNSAFE, (match) => (match.length > 1 ? match : escapeControl(match)));
}
