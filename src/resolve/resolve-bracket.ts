import { inputError, usageError } from '../diagnostics/diagnostic.js';
import { parseParagraph, withSlotText } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { printNotation } from '../notation/print-notation.js';
import { replaceBracket } from '../notation/replace-bracket.js';
import type { Resolution } from './accept-alternative.js';

export type BracketChoice = { kind: 'keep' } | { kind: 'drop' } | { kind: 'option'; option: number };

/**
 * Resolves bracket `n`, numbered as `show` numbers them: keep its words (a one-option bracket),
 * drop them, or choose option k (1-based) of `[a/b]`. Brackets inside the bracket stay open.
 */
export function resolveBracket(paragraph: Paragraph, n: number, choice: BracketChoice): Resolution {
  const parsed = parseParagraph(paragraph);
  const numbered = parsed.brackets.find((b) => b.n === n);
  if (!numbered) {
    const count = parsed.brackets.length;
    throw inputError(
      count === 0
        ? `paragraph ${paragraph.number} has no open brackets`
        : `paragraph ${paragraph.number} has no bracket ${n}; its brackets are numbered 1 to ${count} (see "ndraft show ${paragraph.number}")`,
    );
  }
  const { bracket, slot } = numbered;
  const options = bracket.options;
  const words = printNotation(bracket);
  let replacement;
  let done: string;
  if (choice.kind === 'drop') {
    replacement = [] as const;
    done = `dropped bracket ${n} ${words}`;
  } else if (choice.kind === 'keep') {
    if (options.length > 1) {
      throw usageError(`bracket ${n} ${words} offers ${options.length} options; choose one with --option 1 to ${options.length}`);
    }
    replacement = options[0]?.children ?? [];
    done = `kept the words of bracket ${n} ${words}`;
  } else {
    const option = options[choice.option - 1];
    if (!option || choice.option < 1) {
      throw usageError(`bracket ${n} ${words} has ${options.length === 1 ? 'one option (use --keep or --drop)' : `options 1 to ${options.length}`}; there is no option ${choice.option}`);
    }
    replacement = option.children;
    done = `chose option ${choice.option} "${printNotation(option)}" of bracket ${n}`;
  }
  const text = printNotation(replaceBracket(slot.tree, bracket, replacement));
  return { paragraph: withSlotText(paragraph, slot.path, text), summary: `${done} in ${slot.name} of paragraph ${paragraph.number}` };
}
