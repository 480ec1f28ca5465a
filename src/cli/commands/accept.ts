import { usageError } from '../../diagnostics/diagnostic.js';
import { acceptAlternative } from '../../resolve/accept-alternative.js';
import { resolveBracket, type BracketChoice } from '../../resolve/resolve-bracket.js';
import { settleParagraph } from '../../resolve/settle-paragraph.js';
import { changeParagraph, type ChangeOptions } from '../change-paragraph.js';
import type { OpenedDraft } from '../open-draft.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';

export interface AcceptOptions extends ChangeOptions {
  bracket?: string;
  span?: string;
  keep?: boolean;
  drop?: boolean;
  option?: string;
  keepParagraph?: boolean;
  dropParagraph?: boolean;
  replace?: boolean;
  append?: boolean;
}

/**
 * `ndraft accept 61 "Alt 3"` (or `accept 61 Alt 3`, the words joined), `ndraft accept 56 --bracket 1
 * --option 2`, `--bracket "management/development"`, `--option "Option 2B"`, `ndraft accept 61
 * --keep-paragraph`: one of three ways to resolve contested text.
 */
export async function acceptCommand(number: string, label: string | undefined, options: AcceptOptions, io: Io): Promise<number> {
  if ((options.replace || options.append) && label === undefined) throw usageError('--replace and --append go with the label of an alternative, e.g. accept 61 "Alt 3" --append');
  if (options.replace && options.append) throw usageError('give --replace or --append, not both');
  const ways = [label !== undefined, options.bracket !== undefined, options.span !== undefined, options.keepParagraph === true, options.dropParagraph === true].filter(Boolean).length;
  if (ways !== 1) {
    throw usageError('say what to accept: an alternative label, --bracket N with --keep, --drop or --option K, --span N with --keep or --drop, or --keep-paragraph / --drop-paragraph (one of them)');
  }
  if (options.span !== undefined) {
    const n = wholeNumber(options.span, '--span');
    if (options.option !== undefined || options.keep === options.drop) throw usageError('with --span N, give --keep or --drop (a bracket span is kept or dropped as a whole)');
    const decision = options.keep ? 'keep' : 'drop';
    const command = commandLine(['accept', number, '--span', n, `--${decision}`]);
    // One change to every paragraph the span covers, made on the draft as opened under the lock.
    return changeParagraph(io, options, {
      paragraph: number,
      command,
      change: () => {
        throw new Error('a bracket span is resolved across paragraphs');
      },
      instead: async (opened, locked) => {
        const from = opened.paragraph(number);
        const [{ applyDraftChange }, { resolveSpan }] = await Promise.all([import('../change-draft.js'), import('../../resolve/resolve-span.js')]);
        return applyDraftChange(io, locked, opened, { command, change: (o) => resolveSpan(o.spans, from, n, decision) });
      },
    });
  }
  if (label !== undefined) {
    const placement = options.replace ? 'replace' : options.append ? 'append' : 'scope';
    const command = commandLine(['accept', number, label, placement !== 'scope' && `--${placement}`]);
    return changeParagraph(io, options, {
      paragraph: number,
      command,
      change: (p) => acceptAlternative(p, label, placement),
      instead: (opened, locked) => acceptBlockOption(opened, number, label, command, locked, io),
    });
  }
  if (options.bracket !== undefined) {
    const bracket = bracketRef(options.bracket);
    const choice = bracketChoice(options);
    const flag = choice.kind === 'option' ? ['--option', choice.option] : choice.kind === 'label' ? ['--option', choice.label] : [`--${choice.kind}`];
    return changeParagraph(io, options, { paragraph: number, command: commandLine(['accept', number, '--bracket', bracket, ...flag]), change: (p) => resolveBracket(p, bracket, choice) });
  }
  const decision = options.keepParagraph ? 'keep' : 'drop';
  return changeParagraph(io, options, { paragraph: number, command: commandLine(['accept', number, `--${decision}-paragraph`]), change: (p) => settleParagraph(p, decision) });
}

/**
 * `ndraft accept 3 "Option 2"`: when the name means an option block rather than a paragraph's own
 * wording (see `meansBlock`), the option's paragraphs stay and the other options' are deleted, in
 * one change; undefined leaves it to the paragraph's alternatives.
 */
async function acceptBlockOption(opened: OpenedDraft, ref: string, label: string, command: string, options: ChangeOptions, io: Io): Promise<number | undefined> {
  const { meansBlock } = await import('../name-block.js');
  const named = meansBlock(opened, ref, [label]).block;
  if (!named) return undefined;
  const [{ applyDraftChange }, { acceptOption }] = await Promise.all([import('../change-draft.js'), import('../../resolve/accept-option.js')]);
  return applyDraftChange(io, options, opened, { command, change: (o) => acceptOption(o.draft, named.place.index, label) });
}

function bracketChoice(options: AcceptOptions): BracketChoice {
  const given = [options.keep === true, options.drop === true, options.option !== undefined].filter(Boolean).length;
  if (given !== 1) throw usageError('with --bracket N, give exactly one of --keep, --drop or --option K');
  if (options.keep) return { kind: 'keep' };
  if (options.drop) return { kind: 'drop' };
  const option = options.option as string;
  // Anything but a number names a labelled option: `--option "Option 2B"`, `--option 2B`.
  if (/^\s*\d+\s*$/.test(option)) return { kind: 'option', option: wholeNumber(option, '--option') };
  if (option.trim() === '') throw usageError('--option takes a number from 1 or the label of an option, not ""');
  return { kind: 'label', label: option.trim() };
}

/** `--bracket 2` is a number as `show` prints it; anything else is the bracket's words (`--bracket "management/development"`). */
function bracketRef(value: string): number | string {
  if (/^\s*\d+\s*$/u.test(value)) return wholeNumber(value, '--bracket');
  if (value.trim() === '') throw usageError('--bracket takes a number from 1 or the words of a bracket, not ""');
  return value.trim();
}

function wholeNumber(value: string, flag: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw usageError(`${flag} takes a number from 1, not "${value}"`);
  return Number(value);
}
