#!/usr/bin/env node
/**
 * Deterministic generator of large, realistic negotiation drafts in the plain-text format that
 * `ndraft import` reads (see src/importer/import-text.ts and src/render/render-text.ts):
 *
 *   1.⏎Title                      section headings (numbered 1…S), subsections `3a) Title`
 *   40.⏎Text  /  41. Text          paragraphs, some `61bis`, some bracketed as a whole `[61.⏎…]`
 *   a) …;                          items, an item's own `(Agreed)`, item alternatives `[Alt 71c1)⏎…]`
 *   [Alt 1 61.⏎…]                  alternatives
 *   (Agreed) (Agreed ad ref) (Deleted)
 *   [keep or drop] [a/b] [the [efficient] mechanisms] member[s] [shall][agree to]  inline brackets
 *
 * Paragraph numbers start above the section numbers, as in the bundled seed (sections 1–5,
 * paragraphs 39–76): the importer takes `12.⏎Short title` for a heading only while every
 * paragraph before it has a larger number.
 *
 * Output, for one seed and size, is byte-identical on every run and machine (mulberry32 PRNG,
 * no Date, no Math.random, no locale-dependent calls):
 *   rev1.txt       the draft
 *   rev2.txt       the next revision: the same numbers, about 20 % of the paragraphs reworded
 *   long.txt       a one-paragraph draft: one long paragraph with five alternatives of ~300 words
 *   manifest.json  what was generated (paragraph numbers to use with show/diff/merge, counts)
 *
 * CLI: node bench/generate-draft.mjs --paragraphs 5000 --seed 1 --out DIR
 *      [--reword 0.2] [--long-words 300] [--alternatives 5]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a tiny, fast 32-bit PRNG; the same seed gives the same stream everywhere. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Weighted pick: `[[weight, value], …]`. */
    weighted: (pairs) => {
      const total = pairs.reduce((s, [w]) => s + w, 0);
      let x = next() * total;
      for (const [w, v] of pairs) {
        x -= w;
        if (x < 0) return v;
      }
      return pairs[pairs.length - 1][1];
    },
  };
  return r;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: the language of intergovernmental outcome documents

/** Paragraph openings. Those ending in " to" take a verb phrase, the others a noun phrase. */
const OPENINGS_WE = [
  'We reaffirm',
  'We recognize',
  'We recognise',
  'We acknowledge',
  'We underline',
  'We stress',
  'We emphasize',
  'We note with concern',
  'We welcome',
  'We recall',
  'We commit to',
  'We resolve to',
  'We call upon all stakeholders to',
  'We encourage Governments to',
  'We urge Member States to',
  'We invite the relevant United Nations entities to',
  'We further underline',
  'We seek to',
  'We express our appreciation for',
  'We take note of',
];

const OPENINGS_OPERATIVE = [
  'Decides to',
  'Requests the Secretariat to',
  'Invites Parties to',
  'Urges developed country Parties to',
  'Encourages Parties and relevant organizations to',
  'Notes with concern',
  'Welcomes',
  'Stresses',
  'Recognizes',
  'Emphasizes',
  'Calls upon all Parties to',
  'Reaffirms',
  'Recalls',
  'Also decides to',
  'Further requests the Executive Secretary to',
  'Takes note of',
];

/** Openings of a paragraph's second and later sentences, the same two kinds. */
const LATER_OPENINGS = [
  'We also recognize',
  'We further stress',
  'We also note',
  'We encourage all Parties to',
  'Such efforts should',
  'This process will',
  'The Secretariat is requested to',
  'Governments are invited to',
  'It is essential to',
  'We reaffirm',
];

const VERB_PHRASES = [
  'strengthen',
  'enhance',
  'promote',
  'support',
  'ensure',
  'facilitate',
  'mobilize',
  'scale up',
  'consider',
  'develop',
  'implement',
  'review',
  'address',
  'foster',
  'accelerate',
  'operationalize',
  'build upon',
  'take into account',
];

const NOUN_PHRASES = [
  'the importance of enhanced international cooperation',
  'the principle of common but differentiated responsibilities and respective capabilities',
  'the means of implementation, including finance, technology transfer and capacity-building',
  'the special needs and circumstances of developing countries',
  'the full and effective participation of all stakeholders',
  'sustainable development and the eradication of poverty',
  'the 2030 Agenda for Sustainable Development',
  'national circumstances and priorities',
  'a transparent, inclusive and participatory process',
  'the relevant provisions of the Convention',
  'the outcome of the review process',
  'adequate, predictable and sustainable financial resources',
  'the transfer of environmentally sound technologies on mutually agreed terms',
  'the role of the private sector and civil society',
  'gender equality and the empowerment of all women and girls',
  'the rights of indigenous peoples and local communities',
  'least developed countries and small island developing States',
  'the enhanced transparency framework',
  'the global stocktake',
  'adaptation and loss and damage',
  'the financial mechanism and its operating entities',
  'the implementation of existing commitments',
  'multi-stakeholder partnerships at all levels',
  'the stability and security of critical infrastructure',
  'the protection of personal data and privacy',
  'the digital divide between and within countries',
  'affordable and universal access to information and communication technologies',
  'the work of the subsidiary bodies',
  'the annual report of the Executive Board',
  'regional and subregional organizations',
  'the outcomes of previous sessions',
  'capacity-building activities at the national level',
  'the sovereign right of States',
  'the mandate of the working group',
  'results-based payments',
  'the integrity of the reporting and review process',
  'early warning systems and disaster risk reduction',
  'food security and nutrition',
  'the resilience of vulnerable communities',
  'public and private investment in infrastructure',
  'the voluntary nature of such contributions',
  'the scientific and technological advice provided by the Panel',
  'the effectiveness of the institutional arrangements',
  'multilingualism and cultural diversity',
];

const CONNECTORS = [
  'in accordance with',
  'taking into account',
  'with a view to advancing',
  'as well as',
  'in the context of',
  'consistent with',
  'while respecting',
  'in line with',
  'on the basis of',
  'including through',
  'in particular',
  'bearing in mind',
  'building on',
  'without prejudice to',
  'with due regard to',
];

const REFERENCES = [
  'resolution 70/1',
  'decision 1/CP.21',
  'General Assembly resolution 57/239',
  'A/RES/73/218',
  'decision 19/CMA.1',
  'document FCCC/SBI/2023/10',
  'UNGA Resolutions 55/63 and 56/121',
  'paragraph 49 of the Geneva Declaration of Principles',
  'resolution 66/288',
];

const ITEM_GERUNDS = [
  'Promoting',
  'Encouraging',
  'Strengthening',
  'Supporting',
  'Enhancing',
  'Developing',
  'Facilitating',
  'Ensuring',
  'Establishing',
  'Recommending to donor programmes to consider',
  'Setting up',
  'Improving',
];

const SECTION_TITLES = [
  'Introduction',
  'Stakeholders',
  'Guiding principles',
  'Mitigation',
  'Adaptation',
  'Loss and damage',
  'Finance',
  'Technology development and transfer',
  'Capacity-building',
  'Transparency of action and support',
  'Global stocktake',
  'Implementation and compliance',
  'Institutional arrangements',
  'Follow-up and review',
  'Means of implementation',
  'Public policy issues relevant to Internet governance',
  'Infrastructure and management of critical resources',
  'Measures to promote development',
  'Gender and human rights',
  'Science and knowledge',
  'Education, training and public awareness',
  'Cooperation with other international organizations',
  'Budgetary and administrative matters',
  'Review of the mechanism',
  'Arrangements for intergovernmental meetings',
  'Oceans and coastal zones',
  'Food systems and agriculture',
  'Health and well-being',
  'Cities and local action',
  'Final provisions',
];

const SUBSECTION_TITLES = [
  'General',
  'Scope and objectives',
  'Modalities and procedures',
  'Sources of funding',
  'Reporting requirements',
  'Role of the secretariat',
  'Regional cooperation',
  'Timelines',
  'Operational guidance',
  'Review of progress',
  'Support for developing countries',
  'Matters relating to the Board',
];

/** Inline bracket forms, each valid bracket notation: keep-or-drop, options, nested, inside a word, side by side, symbols. */
const BRACKET_PHRASES = [
  '[shall/should]',
  '[shall/should/may]',
  '[urges/encourages/invites]',
  '[developed country Parties/Parties in a position to do so]',
  '[and other relevant]',
  '[, inter alia,]',
  '[the [efficient] mechanisms]',
  '[as outlined in A/60/L.1]',
  '[enhanced/strengthened]',
  '[mandatory/voluntary]',
  '[legally binding/non-binding]',
  '[new and additional]',
  '[by 2030/by 2035]',
  '[50/60] per cent',
  '[management/development]',
  '[shall][agree to]',
  '[, in accordance with [national circumstances/national legislation],]',
  '[in particular [least developed countries/[small island] developing States]]',
  '[UNGA 57/239/ICT]',
  '[significantly/substantially]',
];

/** Words the second revision may swap, and what it swaps them for. */
const SYNONYMS = {
  strengthen: ['reinforce', 'enhance'],
  enhance: ['strengthen', 'improve'],
  promote: ['foster', 'advance'],
  support: ['assist', 'back'],
  ensure: ['guarantee', 'secure'],
  facilitate: ['enable', 'support'],
  consider: ['examine', 'take into consideration'],
  develop: ['elaborate', 'design'],
  implement: ['carry out', 'give effect to'],
  review: ['assess', 'evaluate'],
  address: ['tackle', 'respond to'],
  importance: ['significance', 'relevance'],
  effective: ['efficient', 'meaningful'],
  relevant: ['appropriate', 'competent'],
  reaffirm: ['reiterate', 'confirm'],
  recognize: ['acknowledge', 'note'],
  stress: ['emphasize', 'underline'],
  cooperation: ['collaboration', 'coordination'],
  participation: ['involvement', 'engagement'],
  resources: ['means', 'funding'],
  process: ['procedure', 'exercise'],
  national: ['domestic', 'country-level'],
  international: ['global', 'multilateral'],
  sustainable: ['durable', 'lasting'],
  urge: ['call upon', 'encourage'],
  invite: ['encourage', 'request'],
  adequate: ['sufficient', 'appropriate'],
  full: ['complete', 'comprehensive'],
  all: ['all relevant', 'every'],
  welcome: ['appreciate', 'note with satisfaction'],
};

const INSERTIONS = [
  ', as appropriate,',
  ', inter alia,',
  ', where relevant,',
  ' in a timely manner',
  ', in particular,',
  ' at all levels',
  ', on a voluntary basis,',
  ' and in line with national priorities',
];

const DROPPABLE = new Set(['effective', 'enhanced', 'relevant', 'sustainable', 'full', 'appropriate', 'further', 'existing', 'all', 'also']);

// ---------------------------------------------------------------------------------------------
// Text building

function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The start of a sentence: an opening and what it takes (a verb phrase or a noun phrase). */
function opening(r, lead) {
  return lead.endsWith(' to') || lead.endsWith(' should') || lead.endsWith(' will')
    ? `${lead} ${r.pick(VERB_PHRASES)} ${r.pick(NOUN_PHRASES)}`
    : `${lead} ${r.pick(NOUN_PHRASES)}`;
}

/** One sentence of roughly `words` words (without the final period). */
function sentence(r, lead, words) {
  let s = opening(r, lead);
  let count = s.split(' ').length;
  while (count < words) {
    let piece;
    const kind = r.next();
    if (kind < 0.4) piece = ` ${r.pick(CONNECTORS)} ${r.pick(NOUN_PHRASES)}`;
    else if (kind < 0.6) piece = `, ${r.pick(['in order to', 'so as to', 'with a view to helping to'])} ${r.pick(VERB_PHRASES)} ${r.pick(NOUN_PHRASES)}`;
    else if (kind < 0.75) piece = ` and ${r.pick(NOUN_PHRASES)}`;
    else if (kind < 0.85) piece = `, ${r.pick(['as outlined in', 'as contained in', 'pursuant to', 'as referred to in'])} ${r.pick(REFERENCES)}`;
    else piece = `, including ${r.pick(NOUN_PHRASES)}`;
    s += piece;
    count += piece.trim().split(' ').length;
  }
  return s;
}

/** A paragraph text of about `targetWords` words, in "We …" or operative style. */
function paragraphText(r, style, targetWords) {
  const sentences = [];
  let words = 0;
  while (words < targetWords) {
    const lead = sentences.length === 0 ? r.pick(style === 'we' ? OPENINGS_WE : OPENINGS_OPERATIVE) : r.pick(LATER_OPENINGS);
    const n = Math.max(14, Math.min(40, targetWords - words, r.int(16, 36)));
    const s = sentence(r, lead, n);
    sentences.push(`${capitalize(s)}.`);
    words += s.split(' ').length;
  }
  return sentences.join(' ');
}

/** Resolves every bracket of a text to its first option (a keep-or-drop bracket keeps its words): a clean base to reword. */
function firstOptions(text) {
  let t = text.replace(/\]\[/g, '] [');
  for (let guard = 0; guard < 100 && t.includes('['); guard++) {
    t = t.replace(/\[([^[\]]*)\]/g, (_, inner) => (/\d/.test(inner) ? inner : inner.split('/')[0]));
  }
  return t.replace(/\s+/g, ' ').replace(/ ([,.;:])/g, '$1').replace(/,,/g, ',').trim();
}

/** Puts 1–3 inline brackets into a plain text, between words (never next to a punctuation mark). */
function addBrackets(r, text, count) {
  const words = text.split(' ');
  for (let k = 0; k < count; k++) {
    const form = r.next();
    const at = r.int(1, Math.max(1, words.length - 2));
    const w = words[at];
    if (!/^[a-z]+$/.test(w)) continue;
    if (form < 0.45) {
      words.splice(at, 0, r.pick(BRACKET_PHRASES));
    } else if (form < 0.75) {
      // keep or drop a run of 2–6 words that has no punctuation
      const len = r.int(2, 6);
      const run = words.slice(at, at + len);
      if (run.length === len && run.every((x) => /^[A-Za-z-]+$/.test(x))) {
        words.splice(at, len, `[${run.join(' ')}]`);
      } else words.splice(at, 0, '[and other relevant]');
    } else if (form < 0.9) {
      // a choice of this word or a synonym
      const syn = SYNONYMS[w];
      words[at] = syn ? `[${w}/${r.pick(syn)}]` : `[${w}]`;
    } else {
      // inside a word: member[s]
      words[at] = `${w}[s]`;
    }
  }
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Rewording (second revision, and the long paragraph's alternatives)

/** Splits at top-level brackets: plain stretches can be reworded, bracket groups are kept whole. */
function splitTopLevel(text) {
  const pieces = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[') {
      if (depth === 0 && i > start) {
        pieces.push({ bracket: false, s: text.slice(start, i) });
        start = i;
      }
      depth++;
    } else if (ch === ']') {
      depth--;
      if (depth === 0) {
        // a bracket inside a word (`member[s]`) stays with its word
        pieces.push({ bracket: true, s: text.slice(start, i + 1) });
        start = i + 1;
      }
    }
  }
  if (start < text.length) pieces.push({ bracket: false, s: text.slice(start) });
  return pieces;
}

const VERBS = new Set(VERB_PHRASES.map((v) => v.split(' ')[0]));
/** Words that start a connector or a clause: an insertion goes just before them. */
const CLAUSE_STARTS = new Set(['in', 'taking', 'with', 'consistent', 'while', 'on', 'including', 'bearing', 'building', 'without', 'as', 'and', 'pursuant']);

/**
 * Applies `edits` word-level edits outside brackets, as a chair's revision does: a word swapped
 * for a synonym, a qualifier dropped, a phrase (`, as appropriate,`) added before a clause, an
 * adverb (`further`, `fully`) added before a verb.
 */
export function reword(r, text, edits) {
  const pieces = splitTopLevel(text);
  for (let e = 0; e < edits; e++) {
    const plain = pieces.filter((p) => !p.bracket && /[a-z]{3}/.test(p.s));
    if (plain.length === 0) break;
    const piece = r.pick(plain);
    const tokens = piece.s.split(' ');
    // only whole lower-case words that touch no bracket (a word at a piece's edge may continue into one)
    const inner = (i) => i > 0 && i < tokens.length - 1 && /^[a-z]+$/.test(tokens[i]);
    const kind = r.next();
    const where = (test) => tokens.map((_, i) => i).filter((i) => inner(i) && test(tokens[i], i));
    let done = false;
    if (kind < 0.5) {
      const at = where((w) => SYNONYMS[w] !== undefined);
      if (at.length > 0) {
        const i = r.pick(at);
        tokens[i] = r.pick(SYNONYMS[tokens[i]]);
        done = true;
      }
    } else if (kind < 0.65) {
      const at = where((w) => DROPPABLE.has(w));
      if (at.length > 0) {
        tokens.splice(r.pick(at), 1);
        done = true;
      }
    } else if (kind < 0.85) {
      const at = where((w, i) => CLAUSE_STARTS.has(w) && /^[a-z]+$/.test(tokens[i - 1]));
      if (at.length > 0) {
        const i = r.pick(at);
        tokens[i - 1] += r.pick(INSERTIONS);
        done = true;
      }
    } else {
      const at = where((w, i) => VERBS.has(w) && tokens[i - 1] === 'to');
      if (at.length > 0) {
        tokens.splice(r.pick(at), 0, r.pick(['further', 'fully', 'effectively', 'urgently']));
        done = true;
      }
    }
    if (!done) {
      // fall back to a synonym anywhere, so that every edit changes something
      const at = where((w) => SYNONYMS[w] !== undefined);
      if (at.length > 0) {
        const i = r.pick(at);
        tokens[i] = r.pick(SYNONYMS[tokens[i]]);
      }
    }
    piece.s = tokens.join(' ').replace(/,,/g, ',');
  }
  return pieces.map((p) => p.s).join('');
}

// ---------------------------------------------------------------------------------------------
// The draft model

const NUMBER_SUFFIXES = ['bis', 'ter'];

/**
 * Builds the draft's model: sections with paragraphs, each paragraph with a status, a text,
 * optional items and alternatives. Rendering comes after, so revision 2 can reword the model.
 */
function buildModel(options) {
  const { paragraphs: total, seed, longWords, alternatives: longAlternatives } = options;
  const r = makeRandom(seed);
  // about one section per 200 paragraphs, at most 30 (numbers stay below the first paragraph's)
  const sectionCount = Math.max(2, Math.min(30, Math.round(total / 200)));
  const firstNumber = sectionCount + 10;
  const style = r.chance(0.5) ? 'we' : 'operative';
  const longIndex = Math.floor(total / 2);

  const sections = [];
  const paragraphs = [];
  let number = firstNumber;
  let made = 0;
  for (let s = 0; s < sectionCount; s++) {
    const section = { number: String(s + 1), title: SECTION_TITLES[s % SECTION_TITLES.length], paragraphs: [], subsections: [] };
    sections.push(section);
    const share = Math.floor((total - made) / (sectionCount - s));
    const subCount = share >= 60 && r.chance(0.6) ? r.int(2, 5) : 0;
    // direct paragraphs first, then each subsection's
    const groups = [];
    if (subCount === 0) groups.push({ into: section.paragraphs, n: share });
    else {
      const direct = r.int(0, Math.floor(share / 10));
      groups.push({ into: section.paragraphs, n: direct });
      let left = share - direct;
      for (let u = 0; u < subCount; u++) {
        const n = u === subCount - 1 ? left : Math.floor(left / (subCount - u));
        left -= n;
        const sub = { number: `${s + 1}${String.fromCharCode(97 + u)}`, title: SUBSECTION_TITLES[(s + u) % SUBSECTION_TITLES.length], paragraphs: [] };
        section.subsections.push(sub);
        groups.push({ into: sub.paragraphs, n });
      }
    }
    for (const group of groups) {
      for (let k = 0; k < group.n; k++) {
        const isLong = made === longIndex;
        let num;
        // a `bis` or `ter` paragraph now and then: inserted after the one it follows, without a number of its own
        const prev = paragraphs[paragraphs.length - 1];
        if (!isLong && prev && !prev.long && r.chance(0.015) && !/[a-z]$/.test(prev.number)) num = `${prev.number}${r.pick(NUMBER_SUFFIXES)}`;
        else num = String(number++);
        const p = isLong ? longParagraph(r, num, style, longWords, longAlternatives) : paragraph(r, num, style);
        paragraphs.push(p);
        group.into.push(p);
        made++;
      }
    }
  }
  return { sections, paragraphs, style, firstNumber, sectionCount };
}

function paragraph(r, number, style) {
  const status = r.weighted([
    [55, 'agreed'],
    [3, 'agreed-ad-ref'],
    [2, 'deleted'],
    [40, 'open'],
  ]);
  const open = status === 'open';
  const words = r.weighted([
    [35, r.int(17, 32)],
    [45, r.int(33, 54)],
    [20, r.int(56, 95)],
  ]);
  let text = paragraphText(r, style, words);
  const p = { number, status, bracketed: false, text, items: [], alternatives: [], form: r.chance(0.6) ? 'next-line' : 'same-line', split: r.chance(0.05) };
  if (open && r.chance(0.6)) p.text = addBrackets(r, text, r.int(1, 3));
  if (r.chance(0.12)) {
    // items: the text introduces them
    p.text = `${p.text.replace(/\.$/, ',')} ${r.pick(['by:', 'including:', 'in particular:', 'with a view to:'])}`;
    const count = r.int(2, 7);
    const roman = r.chance(0.15);
    for (let i = 0; i < count; i++) {
      const label = roman ? `(${['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii'][i]})` : `${String.fromCharCode(97 + i)})`;
      let itemText = `${r.pick(ITEM_GERUNDS)} ${r.pick(NOUN_PHRASES)} ${r.pick(CONNECTORS)} ${r.pick(NOUN_PHRASES)}${i === count - 1 ? '.' : ';'}`;
      const item = { label, text: itemText, alternatives: [] };
      const last = i === count - 1;
      if (open && !last && r.chance(0.2)) item.status = 'agreed';
      else if (open && r.chance(0.3)) item.text = addBrackets(r, item.text, 1);
      if (open && !item.status && r.chance(0.06) && !roman) {
        const letter = String.fromCharCode(97 + i);
        const n = r.int(1, 2);
        for (let a = 1; a <= n; a++) item.alternatives.push({ label: `Alt ${String(number).replace(/[a-z]+$/, '')}${letter}${a}`, text: reword(r, item.text.replace(/[;.]$/, '') + '.', r.int(2, 5)) });
      }
      p.items.push(item);
    }
  }
  if (open && r.chance(0.08)) p.bracketed = true;
  if (open && r.chance(0.1)) {
    const n = r.weighted([
      [60, 1],
      [25, 2],
      [15, 3],
    ]);
    const base = firstOptions(p.text).replace(/,? (by|including|in particular|with a view to):$/, '.');
    for (let a = 1; a <= n; a++) {
      let alt = reword(r, base, r.int(3, 9));
      if (r.chance(0.3)) alt = addBrackets(r, alt, 1);
      p.alternatives.push({ label: `Alt ${a}`, text: alt });
    }
  }
  return p;
}

/** One long open paragraph whose five (or `n`) alternatives are rewordings of one ~300-word text. */
function longParagraph(r, number, style, words, n) {
  const base = paragraphText(r, style, words);
  const alternatives = [];
  for (let a = 1; a <= n; a++) {
    let alt = reword(r, base, r.int(14, 26));
    if (a % 2 === 0) alt = addBrackets(r, alt, 1);
    alternatives.push({ label: `Alt ${a}`, text: alt });
  }
  return {
    number,
    status: 'open',
    bracketed: false,
    long: true,
    text: 'We agree on the following arrangements for the review of the mechanism, to be read with the alternatives below.',
    items: [],
    alternatives,
    form: 'next-line',
    split: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering (the importer's format; the same conventions `ndraft export` writes)

const MARKERS = { agreed: '(Agreed)', 'agreed-ad-ref': '(Agreed ad ref)', deleted: '(Deleted)' };

function withMarker(text, status) {
  const m = MARKERS[status];
  return m ? `${text} ${m}` : text;
}

/** Breaks a long text over two lines at a space, as a pasted Word document often is. */
function maybeSplit(text, split) {
  if (!split || text.length < 120) return [text];
  const at = text.indexOf(' ', Math.floor(text.length / 2));
  if (at < 0) return [text];
  return [text.slice(0, at), text.slice(at + 1)];
}

function renderParagraph(p) {
  const lines = [];
  const hasItems = p.items.length > 0;
  const body = hasItems ? p.text : withMarker(p.text, p.status);
  const open = p.bracketed ? '[' : '';
  const bodyLines = maybeSplit(body, p.split);
  if (p.form === 'same-line') lines.push(`${open}${p.number}. ${bodyLines[0]}`, ...bodyLines.slice(1));
  else lines.push(`${open}${p.number}.`, ...bodyLines);
  p.items.forEach((item, i) => {
    const last = i === p.items.length - 1;
    const status = last && p.status !== 'open' ? p.status : item.status;
    lines.push(`${item.label} ${withMarker(item.text, status)}`);
    for (const alt of item.alternatives) lines.push(`[${alt.label})`, `${alt.text}]`);
  });
  if (p.bracketed) lines[lines.length - 1] += ']';
  for (const alt of p.alternatives) lines.push(`[${alt.label} ${p.number}.`, `${alt.text}]`);
  return lines.join('\n');
}

function renderDraft(model, title) {
  const out = [];
  out.push(title, 'Revised draft text by the Co-Facilitators', 'This text is a work in progress; nothing is agreed until everything is agreed.', '');
  const para = (p, i) => {
    out.push(renderParagraph(p));
    // a blank line between most paragraphs, as in circulated drafts
    if ((i + p.number.length) % 3 !== 0) out.push('');
  };
  for (const section of model.sections) {
    out.push(`${section.number}.`, section.title, '');
    section.paragraphs.forEach(para);
    for (const sub of section.subsections) {
      out.push(`${sub.number}) ${sub.title}`, '');
      sub.paragraphs.forEach(para);
    }
  }
  out.push('___', '1 The footnotes of the original document are not reproduced.', '');
  return out.join('\n');
}

/** The second revision: `share` of the paragraphs reworded (text, items, alternatives), same numbers. */
function reviseModel(model, seed, share) {
  const r = makeRandom((seed ^ 0x9e3779b9) >>> 0);
  const n = model.paragraphs.length;
  const count = Math.round(n * share);
  // a deterministic sample of `count` paragraph indexes (partial Fisher–Yates)
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(r.next() * (n - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const chosen = new Set(idx.slice(0, count));
  const clone = structuredClone(model);
  // structuredClone breaks the sharing between sections and paragraphs: rebuild it by number
  const byNumber = new Map(clone.paragraphs.map((p) => [p.number, p]));
  const relink = (list) => list.map((p) => byNumber.get(p.number));
  for (const s of clone.sections) {
    s.paragraphs = relink(s.paragraphs);
    for (const sub of s.subsections) sub.paragraphs = relink(sub.paragraphs);
  }
  let reworded = 0;
  clone.paragraphs.forEach((p, i) => {
    if (!chosen.has(i) || p.long) return;
    reworded++;
    p.text = reword(r, p.text, r.int(2, 6));
    for (const item of p.items) if (r.chance(0.3)) item.text = reword(r, item.text, r.int(1, 3));
    for (const alt of p.alternatives) if (r.chance(0.5)) alt.text = reword(r, alt.text, r.int(1, 4));
  });
  return { model: clone, reworded };
}

/**
 * Generates the draft, its second revision and the long-paragraph draft. Pure: returns strings.
 * @param {{paragraphs?: number, seed?: number, reword?: number, longWords?: number, alternatives?: number}} opts
 */
export function generateDraft(opts = {}) {
  const options = { paragraphs: 5000, seed: 1, reword: 0.2, longWords: 300, alternatives: 5, ...opts };
  if (!Number.isInteger(options.paragraphs) || options.paragraphs < 10) throw new Error('--paragraphs must be an integer ≥ 10');
  const model = buildModel(options);
  const title = `Draft outcome document (${options.paragraphs} paragraphs, seed ${options.seed})`;
  const rev1 = renderDraft(model, title);
  const revised = reviseModel(model, options.seed, options.reword);
  const rev2 = renderDraft(revised.model, title.replace('Draft', 'Revised draft'));
  const longP = model.paragraphs.find((p) => p.long);
  const long = [
    'Draft text on the review of the mechanism',
    '',
    '1.',
    'Review of the mechanism',
    '',
    renderParagraph({ ...longP, number: '10' }),
    '',
  ].join('\n');
  const open = (p) => p.status === 'open';
  const withBrackets = model.paragraphs.find((p) => open(p) && /\[/.test(p.text) && !p.long && p.items.length === 0);
  const withItems = model.paragraphs.find((p) => open(p) && p.items.length >= 4);
  const manifest = {
    generator: 'bench/generate-draft.mjs',
    options,
    paragraphs: model.paragraphs.length,
    sections: model.sectionCount,
    subsections: model.sections.reduce((n, s) => n + s.subsections.length, 0),
    firstNumber: String(model.firstNumber),
    lastNumber: model.paragraphs[model.paragraphs.length - 1].number,
    statuses: countBy(model.paragraphs, (p) => p.status),
    bracketedParagraphs: model.paragraphs.filter((p) => p.bracketed).length,
    withItems: model.paragraphs.filter((p) => p.items.length > 0).length,
    withAlternatives: model.paragraphs.filter((p) => p.alternatives.length > 0).length,
    reworded: revised.reworded,
    longParagraph: { inDraft: longP.number, inLong: '10', alternatives: longP.alternatives.length, words: longP.alternatives.map((a) => a.text.split(/\s+/).length) },
    showParagraph: (withBrackets ?? model.paragraphs[0]).number,
    showParagraphWithItems: withItems?.number,
    bytes: { rev1: Buffer.byteLength(rev1), rev2: Buffer.byteLength(rev2), long: Buffer.byteLength(long) },
  };
  return { rev1, rev2, long, manifest };
}

function countBy(list, key) {
  const out = {};
  for (const x of list) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

/** Writes rev1.txt, rev2.txt, long.txt and manifest.json into `dir`; returns the manifest. */
export function writeDraftFiles(dir, opts = {}) {
  const { rev1, rev2, long, manifest } = generateDraft(opts);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'rev1.txt'), rev1);
  writeFileSync(join(dir, 'rev2.txt'), rev2);
  writeFileSync(join(dir, 'long.txt'), long);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--paragraphs' || a === '-n') opts.paragraphs = Number(value());
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--out' || a === '-o') opts.out = value();
    else if (a === '--reword') opts.reword = Number(value());
    else if (a === '--long-words') opts.longWords = Number(value());
    else if (a === '--alternatives') opts.alternatives = Number(value());
    else if (a === '--help' || a === '-h') opts.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { out, help, ...opts } = parseArgs(process.argv.slice(2));
    if (help || !out) {
      process.stdout.write('usage: node bench/generate-draft.mjs --paragraphs 5000 --seed 1 --out DIR [--reword 0.2] [--long-words 300] [--alternatives 5]\n');
      process.exitCode = help ? 0 : 2;
    } else {
      const manifest = writeDraftFiles(resolve(out), opts);
      process.stdout.write(
        `wrote ${join(out, 'rev1.txt')} (${manifest.bytes.rev1} bytes, ${manifest.paragraphs} paragraphs), rev2.txt (${manifest.reworded} reworded), long.txt (paragraph ${manifest.longParagraph.inLong}, ${manifest.longParagraph.alternatives} alternatives), manifest.json\n`,
      );
    }
  } catch (error) {
    process.stderr.write(`generate-draft: ${error.message}\n`);
    process.exitCode = 2;
  }
}
