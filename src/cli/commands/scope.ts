import { usageError } from '../../diagnostics/diagnostic.js';
import type { AlternativeScope } from '../../model/schemas.js';
import { setScope } from '../../resolve/set-scope.js';
import { changeParagraph, type ChangeOptions } from '../change-paragraph.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';

export interface ScopeOptions extends ChangeOptions {
  insertAfterSentence?: string;
  insertAt?: string;
  replaces?: string;
  whole?: boolean;
  item?: string;
}

/** `ndraft scope 61 --insert-after-sentence 1`, `ndraft scope 58 "Alt 1" --replaces "all stakeholders"` */
export async function scopeCommand(number: string, labels: readonly string[], options: ScopeOptions, io: Io): Promise<number> {
  const scope = scopeFrom(options);
  const flag: (string | false | undefined)[] =
    scope === undefined ? ['--whole'] : 'insertAfterSentence' in scope ? ['--insert-after-sentence', String(scope.insertAfterSentence)] : 'insertAt' in scope ? ['--insert-at', scope.insertAt] : ['--replaces', scope.replaces];
  return changeParagraph(io, options, {
    paragraph: number,
    command: commandLine(['scope', number, ...labels, ...flag, options.item !== undefined && '--item', options.item]),
    change: (p) => setScope(p, { labels, scope, ...(options.item !== undefined ? { item: options.item } : {}) }),
  });
}

function scopeFrom(options: ScopeOptions): AlternativeScope | undefined {
  const given = [options.insertAfterSentence !== undefined, options.insertAt !== undefined, options.replaces !== undefined, options.whole === true].filter(Boolean).length;
  if (given !== 1) throw usageError('say what the alternatives compete for: one of --insert-after-sentence N, --insert-at start|end, --replaces "words" or --whole');
  if (options.insertAfterSentence !== undefined) {
    const n = options.insertAfterSentence.trim();
    if (!/^\d+$/.test(n) || Number(n) < 1) throw usageError(`--insert-after-sentence takes a sentence number from 1, not "${options.insertAfterSentence}"`);
    return { insertAfterSentence: Number(n) };
  }
  if (options.insertAt !== undefined) {
    const at = options.insertAt.trim().toLowerCase();
    if (at !== 'start' && at !== 'end') throw usageError(`--insert-at takes start or end, not "${options.insertAt}"`);
    return { insertAt: at };
  }
  if (options.replaces !== undefined) {
    const words = options.replaces.trim();
    if (words === '') throw usageError('--replaces takes the words the alternatives replace, not ""');
    return { replaces: words };
  }
  return undefined;
}
