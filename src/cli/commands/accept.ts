import { usageError } from '../../diagnostics/diagnostic.js';
import { acceptAlternative } from '../../resolve/accept-alternative.js';
import { resolveBracket, type BracketChoice } from '../../resolve/resolve-bracket.js';
import { settleParagraph } from '../../resolve/settle-paragraph.js';
import { changeParagraph, type ChangeOptions } from '../change-paragraph.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';

export interface AcceptOptions extends ChangeOptions {
  bracket?: string;
  keep?: boolean;
  drop?: boolean;
  option?: string;
  keepParagraph?: boolean;
  dropParagraph?: boolean;
}

/**
 * `ndraft accept 61 "Alt 3"`, `ndraft accept 56 --bracket 1 --option 2`,
 * `ndraft accept 61 --keep-paragraph`: one of three ways to resolve contested text.
 */
export async function acceptCommand(number: string, label: string | undefined, options: AcceptOptions, io: Io): Promise<number> {
  const ways = [label !== undefined, options.bracket !== undefined, options.keepParagraph === true, options.dropParagraph === true].filter(Boolean).length;
  if (ways !== 1) {
    throw usageError('say what to accept: an alternative label, --bracket N with --keep, --drop or --option K, or --keep-paragraph / --drop-paragraph (one of them)');
  }
  if (label !== undefined) {
    if (await meansBlockOption(number, label, options, io)) return acceptBlockOption(number, label, options, io);
    return changeParagraph(io, options, { paragraph: number, command: commandLine(['accept', number, label]), change: (p) => acceptAlternative(p, label) });
  }
  if (options.bracket !== undefined) {
    const n = wholeNumber(options.bracket, '--bracket');
    const choice = bracketChoice(options);
    const flag = choice.kind === 'option' ? ['--option', choice.option] : [`--${choice.kind}`];
    return changeParagraph(io, options, { paragraph: number, command: commandLine(['accept', number, '--bracket', n, ...flag]), change: (p) => resolveBracket(p, n, choice) });
  }
  const decision = options.keepParagraph ? 'keep' : 'drop';
  return changeParagraph(io, options, { paragraph: number, command: commandLine(['accept', number, `--${decision}-paragraph`]), change: (p) => settleParagraph(p, decision) });
}

/** Read before the lock, to choose the way: the block's option is found again under the lock. */
async function meansBlockOption(ref: string, label: string, options: AcceptOptions, io: Io): Promise<boolean> {
  const [{ openDraft }, { meansBlock }] = await Promise.all([import('../open-draft.js'), import('../name-block.js')]);
  return meansBlock(await openDraft(options.draft, io.cwd), ref, [label]) !== undefined;
}

/** `ndraft accept 3 "Option 2"`: the option's paragraphs stay, the other options' are deleted, in one change. */
async function acceptBlockOption(ref: string, label: string, options: AcceptOptions, io: Io): Promise<number> {
  const [{ changeDraft }, { meansBlock }, { acceptOption }] = await Promise.all([import('../change-draft.js'), import('../name-block.js'), import('../../resolve/accept-option.js')]);
  return changeDraft(io, options, {
    command: commandLine(['accept', ref, label]),
    change: (opened) => {
      const named = meansBlock(opened, ref, [label]);
      if (!named) throw new Error(`${ref} no longer names an option block`);
      return acceptOption(opened.draft, named.place.index, label);
    },
  });
}

function bracketChoice(options: AcceptOptions): BracketChoice {
  const given = [options.keep === true, options.drop === true, options.option !== undefined].filter(Boolean).length;
  if (given !== 1) throw usageError('with --bracket N, give exactly one of --keep, --drop or --option K');
  if (options.keep) return { kind: 'keep' };
  if (options.drop) return { kind: 'drop' };
  return { kind: 'option', option: wholeNumber(options.option as string, '--option') };
}

function wholeNumber(value: string, flag: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw usageError(`${flag} takes a number from 1, not "${value}"`);
  return Number(value);
}
