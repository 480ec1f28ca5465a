import { inputError } from '../diagnostics/diagnostic.js';
import { isAgreed } from '../model/paragraph-slots.js';
import { liveOptions, openBlocks } from '../model/option-blocks.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Draft, OutlineEntry, Paragraph, Section } from '../model/schemas.js';
import { unresolvedPlaces } from '../resolve/agree.js';
import { collectSpans, hasSpanMarks, spanExtent, spanWords } from '../model/spans.js';

export interface ConsolidateOptions {
  /** Only agreed paragraphs and agreed items, under their original numbers. */
  agreedOnly?: boolean;
  /** Number the paragraphs 1, 2, 3… in reading order. */
  renumber?: boolean;
}

export interface Consolidated {
  draft: Draft;
  /** Address → printed number, with --renumber. */
  numbers?: Map<string, string>;
  /** What --agreed-only left out, as a sentence for the end of the document; absent when nothing was. */
  note?: string;
}

/**
 * The clean text: no brackets, no markers, no alternatives, deleted paragraphs gone. Refuses,
 * listing every unresolved place, while anything is open — unless only agreed text is asked for.
 */
export function consolidateDraft(draft: Draft, options: ConsolidateOptions = {}): Consolidated {
  const live = draft.paragraphs.filter((p) => p.status !== 'deleted');
  const liveAddresses = new Set(live.map((p) => p.address));
  const isLive = (address: string) => liveAddresses.has(address);
  const kept: Paragraph[] = [];
  const leftOut: string[] = [];
  if (options.agreedOnly) {
    for (const p of live) {
      if (isAgreed(p.status)) kept.push(p);
      else {
        const items = p.items.filter((item) => isAgreed(item.status));
        if (items.length === 0) leftOut.push(paragraphName(p));
        else {
          kept.push({ ...p, text: '', items: items.map((item) => ({ label: item.label, text: item.text, status: item.status })), alternatives: [] });
          leftOut.push(`${paragraphName(p)} (all but item${items.length === 1 ? '' : 's'} ${items.map((i) => i.label).join(' ')})`);
        }
      }
    }
  } else {
    // A bracket span is listed once, where it opens, whichever paragraphs it covers.
    const byAddress = new Map(draft.paragraphs.map((p) => [p.address, p]));
    const marked = (address: string) => {
      const p = byAddress.get(address);
      return p !== undefined && hasSpanMarks(p);
    };
    const spans = new Map<string, string[]>();
    for (const span of collectSpans(draft.meta.sections, marked, (a) => byAddress.get(a)).spans) {
      const first = span.units.find(({ unit }) => isLive(unit.paragraph.address))?.unit.paragraph;
      if (!first) continue;
      const words = `[${spanWords(span)}]`;
      const place = `paragraph ${paragraphName(first)}, bracket span ${span.span} over ${spanExtent(span)}: ${words.length > 70 ? `${words.slice(0, 69)}…` : words}`;
      spans.set(first.address, [...(spans.get(first.address) ?? []), place]);
    }
    const unresolved = [
      ...live.flatMap((p) => [
        ...unresolvedPlaces(p)
          .filter((u) => u.kind !== 'span')
          .map((u) => `paragraph ${paragraphName(p)}, ${u.description}`),
        ...(spans.get(p.address) ?? []),
      ]),
      ...sectionEntries(draft.meta.sections)
        .flatMap((entries) => openBlocks(entries, isLive))
        .map((block) => `option block "${block.block}": ${block.options.length} options (${block.options.map((o) => o.label).join(', ')}) still compete`),
    ];
    if (unresolved.length > 0) {
      throw inputError(
        `the draft cannot be exported clean: ${unresolved.length} place${unresolved.length === 1 ? ' is' : 's are'} unresolved (resolve them, or export --agreed-only)`,
        unresolved.map((message) => ({ code: 'UNRESOLVED', severity: 'error', message })),
      );
    }
    kept.push(...live);
  }

  const keptAddresses = new Set(kept.map((p) => p.address));
  const sections = pruneSections(draft.meta.sections, keptAddresses, options.agreedOnly === true, isLive);
  const clean: Draft = {
    meta: { ...draft.meta, sections },
    // Clean text has no brackets left, bracket spans neither (an agreed item's paragraph may be in one).
    paragraphs: kept.map(({ spans: _spans, ...p }) => ({ ...p, bracketed: false, alternatives: [], items: p.items.map((i) => ({ label: i.label, text: i.text })) })),
  };
  const result: Consolidated = { draft: clean };
  if (options.renumber) result.numbers = renumbered(clean.paragraphs);
  if (leftOut.length > 0) result.note = `Not included, not yet agreed: paragraph${leftOut.length === 1 ? '' : 's'} ${leftOut.join(', ')}.`;
  return result;
}

/** Each list of entries a section holds itself, subsections' after it. */
function sectionEntries(sections: readonly Section[]): (readonly OutlineEntry[])[] {
  return sections.flatMap((s) => [s.paragraphs, ...sectionEntries(s.subsections ?? [])]);
}

type IsLive = (address: string) => boolean;

/**
 * The outline with only the paragraphs kept; option blocks keep only what was kept of them.
 * With only agreed text, a heading with nothing agreed under it goes too.
 */
function pruneSections(sections: Draft['meta']['sections'], keep: ReadonlySet<string>, dropEmpty: boolean, isLive: IsLive): Draft['meta']['sections'] {
  const pruned = sections.map((section) => ({
    ...section,
    paragraphs: pruneEntries(section.paragraphs, keep, isLive),
    ...(section.subsections ? { subsections: pruneSections(section.subsections, keep, dropEmpty, isLive) } : {}),
  }));
  return dropEmpty ? pruned.filter((s) => s.paragraphs.length > 0 || (s.subsections ?? []).length > 0) : pruned;
}

/**
 * A settled block (one option live, e.g. the one accepted) gives way to that option's paragraphs,
 * printed without its heading, as the text will read once adopted; an open one keeps what was kept of it.
 */
function pruneEntries(entries: readonly OutlineEntry[], keep: ReadonlySet<string>, isLive: IsLive): OutlineEntry[] {
  return entries.flatMap((entry): OutlineEntry[] => {
    if (typeof entry === 'string') return keep.has(entry) ? [entry] : [];
    const live = liveOptions(entry, isLive);
    if (live.length <= 1) return live.flatMap((o) => pruneEntries(o.paragraphs, keep, isLive));
    const block = { ...entry, options: entry.options.map((o) => ({ ...o, paragraphs: pruneEntries(o.paragraphs, keep, isLive) })) };
    return block.options.some((o) => o.paragraphs.length > 0) ? [block] : [];
  });
}

/** With --renumber: the numbered paragraphs get 1, 2, 3… in reading order; unnumbered ones stay so. */
export function renumbered(paragraphs: readonly Paragraph[]): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const p of paragraphs) if (p.number !== undefined) numbers.set(p.address, String(numbers.size + 1));
  return numbers;
}
