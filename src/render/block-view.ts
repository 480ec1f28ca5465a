import type { ChalkInstance } from 'chalk';
import { liveOptions, type BlockPlace } from '../model/option-blocks.js';
import { entryAddresses } from '../model/outline.js';
import type { BlockOption, OptionBlock, Paragraph, Status } from '../model/schemas.js';

/** What `ndraft show <block>` prints (`--json` as is): a block's options with their paragraphs. */
export interface BlockViewJson {
  block: string;
  number?: string;
  accepted?: string;
  /** More than one option is still live: the block is still to be settled. */
  open: boolean;
  /** The blocks it stands in, outermost first, with the option holding it. */
  within: BlockMembership[];
  options: {
    label: string;
    title?: string;
    text?: string;
    live: boolean;
    paragraphs: { address: string; number?: string; status: Status; words: string }[];
    /** Names of the blocks nested in this option. */
    blocks: string[];
  }[];
}

export interface BlockMembership {
  block: string;
  number?: string;
  option: string;
}

export function blockMembership(block: OptionBlock, option: BlockOption): BlockMembership {
  return { block: block.block, ...(block.number !== undefined ? { number: block.number } : {}), option: option.label };
}

export function blockViewJson(place: BlockPlace, paragraphs: ReadonlyMap<string, Paragraph>): BlockViewJson {
  const { block } = place;
  const isLive = (a: string) => paragraphs.get(a)?.status !== undefined && paragraphs.get(a)?.status !== 'deleted';
  const live = liveOptions(block, isLive);
  return {
    block: block.block,
    ...(block.number !== undefined ? { number: block.number } : {}),
    ...(block.accepted !== undefined ? { accepted: block.accepted } : {}),
    open: live.length > 1,
    within: place.within.map((w) => blockMembership(w.block, w.option)),
    options: block.options.map((option) => ({
      label: option.label,
      ...(option.title !== undefined ? { title: option.title } : {}),
      ...(option.text !== undefined ? { text: option.text } : {}),
      live: live.includes(option),
      paragraphs: entryAddresses(option.paragraphs)
        .map((a) => paragraphs.get(a))
        .filter((p): p is Paragraph => p !== undefined)
        .map((p) => ({ address: p.address, ...(p.number !== undefined ? { number: p.number } : {}), status: p.status, words: firstWords(p) })),
      blocks: option.paragraphs.filter((e): e is OptionBlock => typeof e !== 'string').map((b) => b.block),
    })),
  };
}

/** The block as a person reads it: its name and state, then each option and its paragraphs. */
export function renderBlockView(view: BlockViewJson, c: ChalkInstance): string {
  const state = view.accepted !== undefined ? c.green(`"${view.accepted}" accepted`) : view.open ? c.yellow(`open: ${view.options.filter((o) => o.live).length} options live`) : c.green('settled');
  const lines = [`${c.bold(`Option block "${view.block}"`)}${view.number !== undefined ? ` (number ${view.number})` : ''}  ${state}`];
  if (view.within.length > 0) lines.push(`  in ${membershipText(view.within)}`);
  for (const option of view.options) {
    const title = option.title !== undefined && option.title !== '' ? ` {${option.title}}` : '';
    const mark = option.label === view.accepted ? c.green(' (accepted)') : option.live ? '' : c.dim(' (dropped)');
    lines.push(`${c.bold(option.label)}${title}${mark}`);
    if (option.text !== undefined && option.text !== '') lines.push(`  ${option.text}`);
    for (const p of option.paragraphs) {
      const name = p.number !== undefined && p.number !== p.address ? `${p.number} (${p.address})` : (p.number ?? p.address);
      const status = p.status === 'open' ? '' : c.dim(` [${p.status}]`);
      lines.push(`  ${c.cyan(name)}${status}  ${p.words}`);
    }
    for (const name of option.blocks) lines.push(`  ${c.dim(`block "${name}" inside`)}`);
    if (option.paragraphs.length === 0 && (option.text ?? '') === '' && option.blocks.length === 0) lines.push(c.dim('  (empty)'));
  }
  return lines.join('\n');
}

/** `block "Paragraph 3", Option 1 › block "Options (a)/(b)", Option (a)`. */
export function membershipText(within: readonly BlockMembership[]): string {
  return within.map((w) => `block "${w.block}"${w.number !== undefined && !w.block.includes(w.number) ? ` (${w.number})` : ''}, ${w.option}`).join(' › ');
}

/** The first words of a paragraph, to know it again: its text, else its first item or alternative. */
function firstWords(p: Paragraph): string {
  const text = [p.text, p.items[0]?.text, p.alternatives[0]?.text].find((t) => t !== undefined && t.trim() !== '') ?? '';
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > 10 ? `${words.slice(0, 10).join(' ')} …` : words.join(' ');
}
