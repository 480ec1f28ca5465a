import { usageError } from '../diagnostics/diagnostic.js';
import { findControl, showControls } from '../text/control-characters.js';

/**
 * Everything given on the command line is checked before it is used: a text, a label, a
 * delegation's name (`--by`), a message, a title, a path. A control character (an escape that
 * would retitle the terminal of whoever reads the history) is refused, and so is a line break:
 * nothing in a draft has a use for one that the text format could carry (it joins a text's lines
 * with a space), while `--text $'We agree.\n\n77. Injected'` would become a paragraph nobody
 * proposed at the next export and import. Exit 2, like any other bad argument.
 */
export function checkArguments(argv: readonly string[]): void {
  for (const arg of argv) {
    const control = findControl(arg);
    if (control) throw usageError(`the argument "${showControls(arg)}" holds a control character (${control.shown}); ndraft refuses them on the command line`);
    if (arg.includes('\n')) {
      throw usageError(`the argument "${arg.split('\n').join('\\n')}" holds a line break; a text, label or name is one line (write it on one line)`);
    }
  }
}

/**
 * A label a user gives a new alternative (`propose --label`, `restore --as`). The text export
 * writes it as `[<label> 61.`, so a label with brackets or a number closed by `.` or `)`
 * (`Alt 1 77.`) would be read back as another paragraph's alternative, creating paragraph 77.
 */
export function checkLabel(label: string | undefined, option: string): void {
  if (label !== undefined && /[[\]]|\d\s*[.)]/.test(label)) {
    throw usageError(`${option} "${label}": a label may not hold brackets, nor a number followed by "." or ")" (write e.g. "Alt 4" or "EU proposal")`);
  }
}
