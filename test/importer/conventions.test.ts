/**
 * One small fixture per convention of other negotiations' drafts (issue: "Import the drafts of
 * other negotiations"), written for these tests in the style of the real texts.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/importer/import-text.js';
import type { Draft, OutlineEntry } from '../../src/model/schemas.js';

const read = (text: string) => importText(text, { file: '/in/draft.txt', title: 'Test' });
const paragraphs = (draft: Draft) => draft.paragraphs.map((p) => [p.address, p.number ?? null, p.text]);
const block = (entry: OutlineEntry | undefined) => {
  if (entry === undefined || typeof entry === 'string') throw new Error(`not a block: ${JSON.stringify(entry)}`);
  return entry;
};

describe('articles and restarted numbering', () => {
  it('reads Article 3, ARTICLE 3 (Title), Article 2bis, a title on the next line, and numbers each article from 1', () => {
    const { draft } = read('Article 1\nScope\n\n1. One.\n2. Two.\n\nARTICLE 2 (Mitigation)\n\n1. Again one.\n\nArticle 2bis\n\n1. Bis one.\n');
    expect(draft.meta.sections.map((s) => [s.label, s.number, s.title ?? null, s.paragraphs])).toEqual([
      ['Article 1', '1', 'Scope', ['art1-1', 'art1-2']],
      ['ARTICLE 2', '2', 'Mitigation', ['art2-1']],
      ['Article 2bis', '2bis', null, ['art2bis-1']],
    ]);
    expect(paragraphs(draft).map(([address, number]) => `${address}=${number}`)).toEqual(['art1-1=1', 'art1-2=2', 'art2-1=1', 'art2bis-1=1']);
  });

  it('reads parts, chapters and annexes above articles, and leaves a sentence starting "Section 3" as text', () => {
    const { draft } = read('PART II\nCONSERVATION AND SUSTAINABLE USE\n\nArticle 7\nGeneral principles\n\n1. One.\n\nChapter 3: Finance\n\n4. Four.\nSection 3 of the Convention applies.\n');
    expect(draft.meta.sections.map((s) => [s.label, s.title, (s.subsections ?? []).map((x) => x.label)])).toEqual([
      ['PART II', 'CONSERVATION AND SUSTAINABLE USE', ['Article 7']],
      ['Chapter 3', 'Finance', []],
    ]);
    expect(draft.paragraphs.map((p) => [p.address, p.text])).toEqual([
      ['art7-1', 'One.'],
      ['4', 'Four. Section 3 of the Convention applies.'],
    ]);
  });

  it('reads a title in braces wrapped onto the next line, and leaves `Article 20 of the TRIPS Agreement, …` (a wrapped sentence) as text', () => {
    // TPP IP chapter (pdftotext), Articles QQ.A.11 and QQ.C.2.
    const { draft } = read('Article QQ.A.11: {Application of Agreement to Existing Subject Matter and Prior\nActs}\n\n1. Except as it otherwise provides.\n\nArticle QQ.C.2: {Collective and Certification Marks}\n\n2. Pursuant to\nArticle 20 of the TRIPS Agreement, each Party shall ensure.\n');
    expect(draft.meta.sections.map((s) => [s.label ?? s.number, s.title ?? null, s.paragraphs])).toEqual([
      ['Article QQ.A.11', 'Application of Agreement to Existing Subject Matter and Prior Acts', ['artqq.a.11-1']],
      ['Article QQ.C.2', 'Collective and Certification Marks', ['artqq.c.2-2']],
    ]);
    expect(draft.paragraphs.at(-1)?.text).toBe('Pursuant to Article 20 of the TRIPS Agreement, each Party shall ensure.');
  });

  it('reads `[Article 3bis] (REDD-plus)`, a heading alone in brackets, as the article, its label keeping them', () => {
    const { draft } = read('Article 3\n\n1. One.\n\n[Article 3bis] (REDD-plus)\n\n1. Defined.\n\n2. Consists.\n\nArticle 4\n\n1. Four.\n');
    expect(draft.meta.sections.map((s) => [s.label, s.title ?? null, s.paragraphs])).toEqual([
      ['Article 3', null, ['art3-1']],
      ['[Article 3bis]', 'REDD-plus', ['art3bis-1', 'art3bis-2']],
      ['Article 4', null, ['art4-1']],
    ]);
    // A closing bracket after an article number with none opened is no heading.
    expect(read('1. See\nArticle 4] of the Convention.\n').draft.meta.sections[0]?.label).toBeUndefined();
  });

  it('reads Article QQ.A.1: {Title} with the title in braces', () => {
    const { draft } = read('Article QQ.A.1:   {Definitions}\n\nFor the purposes of this Chapter:\n');
    expect(draft.meta.sections[0]).toMatchObject({ label: 'Article QQ.A.1', number: 'QQ.A.1', title: 'Definitions', paragraphs: ['artqq.a.1-pp1'] });
  });

  it('names the section in the addresses of sections that each restart their numbering', () => {
    const { draft } = read('SCOPE OF PROTECTION\n\n1 Member States shall protect.\n2 Beneficiaries shall enjoy.\n\nADMINISTRATION OF RIGHTS\n\n1 Member States may establish.\n');
    expect(paragraphs(draft).map(([address, number]) => `${address}=${number}`)).toEqual(['s1-1=1', 's1-2=2', 's2-1=1']);
  });

  it('keeps a number printed twice in one article, the second as <address>-2, and says so', () => {
    const result = read('Article 1\n\n1. One.\n1. Again.\n2. Two.\n');
    expect(paragraphs(result.draft).map(([address, number]) => `${address}=${number}`)).toEqual(['art1-1=1', 'art1-1-2=1', 'art1-2=2']);
    expect(result.warnings.map((w) => [w.code, w.line])).toEqual([['DUPLICATE_NUMBER', 4]]);
    expect(result.warnings[0]?.message).toMatch(/^paragraph 1 appears twice in the same article or option \(first at line 3\): both are kept/);
  });
});

describe('headings', () => {
  it('reads roman and lettered headings, a heading with open wording, and a numbered heading with a title', () => {
    const { draft } = read('I. General\n\nA. Scope\n\n1. One.\n\nII. [Title A] [Title B]\n\n2. Two.\n\n3. Composition of the bureau\n\n10. The bureau shall.\n');
    expect(draft.meta.sections.map((s) => [s.number, s.title])).toEqual([
      ['I', 'General'],
      ['II', '[Title A] [Title B]'],
      ['3', 'Composition of the bureau'],
    ]);
  });

  it('keeps a line in braces as an editorial subheading or note, never as negotiated text', () => {
    const { draft } = read('A. Goals\n{Long-term goal}\n1. Goal text.\n{Note from the co-facilitators}\n');
    expect(draft.meta.sections[0]?.subsections?.[0]).toMatchObject({ label: '{Long-term goal}', paragraphs: ['1'] });
    expect(draft.paragraphs[0]?.notes).toEqual([{ text: '{Note from the co-facilitators}', kind: 'editorial' }]);
    expect(draft.paragraphs[0]?.text).toBe('Goal text.');
  });

  it('keeps [English only] as a note, not as a bracket', () => {
    const { draft } = read('1. One.\n\nAnnex\n[English only]\n\n2. Two.\n');
    expect(draft.meta.sections[1]).toMatchObject({ label: 'Annex', notes: [{ text: '[English only]', kind: 'editorial' }] });
  });
});

describe('option blocks', () => {
  it('opens a block of several paragraphs with Option 1: on its own line, until the next option', () => {
    const { draft } = read('Option 1:\n1. Decides one.\n2. Decides two.\nOption 2:\n(Provisions related to the colloquium)\nOption 1:\n8. Decides eight.\nOption 2:\n(No text)\n9. Takes note.\n');
    const [first, second, nine] = draft.meta.sections[0]?.paragraphs ?? [];
    expect(block(first).options).toEqual([
      { label: 'Option 1', paragraphs: ['opt1-1', 'opt1-2'] },
      { label: 'Option 2', text: '(Provisions related to the colloquium)', paragraphs: [] },
    ]);
    expect(block(second).options).toEqual([
      { label: 'Option 1', paragraphs: ['b2-opt1-8'] },
      { label: 'Option 2', text: '(No text)', paragraphs: [] },
    ]);
    expect(nine).toBe('9');
  });

  it('nests Option A inside Option 1, and keeps an option title in braces, with or without a space', () => {
    const { draft } = read('Option 1 {Long-term goal}\n1. First.\nOption A: Alpha.\nOption B: Beta.\nOption 2{Other}\n1. Second.\n');
    const outer = block(draft.meta.sections[0]?.paragraphs[0]);
    expect(outer.options.map((o) => [o.label, o.title])).toEqual([
      ['Option 1', 'Long-term goal'],
      ['Option 2', 'Other'],
    ]);
    const inner = block(outer.options[0]?.paragraphs[1]);
    expect(inner.options.map((o) => [o.label, o.paragraphs])).toEqual([
      ['Option A', ['opt1-1-opta-pp1']],
      ['Option B', ['opt1-1-optb-pp1']],
    ]);
  });

  it('reads options inside a paragraph\'s sub-paragraphs (3. Option 1: 3.1 … Option 2: 3.1 …)', () => {
    const { draft } = read('3. Option 1:\nChapeau one:\n3.1 First.\nOption 2:\nChapeau two:\n3.1 Second.\n4. Four.\n');
    const [three, four] = draft.meta.sections[0]?.paragraphs ?? [];
    expect(block(three)).toMatchObject({ number: '3', options: [{ label: 'Option 1', paragraphs: ['3-opt1-pp1', '3-opt1-3.1'] }, { label: 'Option 2', paragraphs: ['3-opt2-pp1', '3-opt2-3.1'] }] });
    expect(four).toBe('4');
  });

  it("takes an option after an item as the open block's next option, unless the item began a series of its own", () => {
    // COP21, 23 October 2015, Article 3ter: each option's last paragraph ends in items.
    const { draft } = read('Article 3ter\n\nOption 1:\n\n1. Establishes a mechanism to:\n(a) Enhance ambition;\n(b) Incentivise participation.\n\nOption 2:\n\n1. Recommends a mechanism.\n');
    const options = block(draft.meta.sections[0]?.paragraphs[0]).options;
    expect(options.map((o) => [o.label, o.paragraphs])).toEqual([
      ['Option 1', ['art3ter-opt1-1']],
      ['Option 2', ['art3ter-opt2-1']],
    ]);
    expect(draft.paragraphs.find((p) => p.address === 'art3ter-opt1-1')?.items.map((i) => i.alternatives ?? [])).toEqual([[], []]);
    // An item whose own `Option 1:` opened a series keeps its `Option 2:`; the next `Option 2:` is the block's.
    const nested = read('Option 1:\n7. Chapeau:\n(a) regarding Parties:\nOption 1: All Parties;\nOption 2: Some Parties.\nOption 2:\n7. No text.\n').draft;
    expect(nested.paragraphs.find((p) => p.address === 'opt1-7')?.items[0]?.alternatives?.map((a) => a.label)).toEqual(['Option 1', 'Option 2']);
    expect(block(nested.meta.sections[0]?.paragraphs[0]).options.map((o) => [o.label, o.paragraphs])).toEqual([
      ['Option 1', ['opt1-7']],
      ['Option 2', ['opt2-7']],
    ]);
  });

  it('reads `Option 2: (paragraphs 3-3quater)` as the paragraphs the option holds: its title, and where it ends', () => {
    // UNFCCC, ADP 2015: the options name their paragraphs; the next paragraph after the last is outside the block.
    const { draft } = read('2. Two.\nOption 1: (paragraph 3):\n3. No text additional to paragraph 2.\nOption 2: (paragraphs 3-3bis) {modulators}\n3. Developed countries shall.\n3bis. Developing countries should.\n4. Four.\n');
    const [, options, four] = draft.meta.sections[0]?.paragraphs ?? [];
    expect(block(options).options.map((o) => [o.label, o.title, o.paragraphs])).toEqual([
      ['Option 1', 'paragraph 3', ['2-opt1-3']],
      ['Option 2', 'paragraphs 3-3bis modulators', ['2-opt2-3', '2-opt2-3bis']],
    ]);
    expect(four).toBe('4');
    expect(draft.paragraphs.find((p) => p.address === '2-opt1-3')?.text).toBe('No text additional to paragraph 2.');
  });

  it('reads `Option I (paras 6-9bis):` with its title, and `Option 2` after `Option I` as the same series (a slip real drafts make)', () => {
    const { draft } = read('5. Five.\n\nOption I (paras 6-7):\n\n6. Notes.\n\n7. Decides.\n\nOption 2 (paras 6-7):\n\n6. Notes again.\n\n8. Eight.\n');
    const [, options, eight] = draft.meta.sections[0]?.paragraphs ?? [];
    expect(block(options).options.map((o) => [o.label, o.title, o.paragraphs])).toEqual([
      ['Option I', 'paras 6-7', ['5-opti-6', '5-opti-7']],
      ['Option 2', 'paras 6-7', ['5-opt2-6']],
    ]);
    expect(eight).toBe('8');
  });

  it('keeps `3.1 Option (a):` inside paragraph 3\'s option whose words began on its line (`3. [Option 1: … which entails:`)', () => {
    // ADP Geneva negotiating text, February 2015, as its PDF reads: each paragraph on one line.
    const { draft } = read('3. [Option 1: All Parties take action, which entails:\n3.1 Option (a): Ensuring A;\nOption (b): Ensuring B;]\n3.2 Ensuring resilience;\nOption 2: All Parties enhance action, which entails:\n3.1 Parties to work;\n4. Four.\n');
    const [three, four] = draft.meta.sections[0]?.paragraphs ?? [];
    expect(block(three).options.map((o) => [o.label, o.paragraphs])).toEqual([
      ['Option 1', ['3-opt1-pp1', '3-opt1-3.1', '3-opt1-3.2']],
      ['Option 2', ['3-opt2-pp1', '3-opt2-3.1']],
    ]);
    expect(four).toBe('4');
    expect(draft.paragraphs.find((p) => p.address === '3-opt1-3.1')?.alternatives?.map((a) => a.label)).toEqual(['Option (a)', 'Option (b)']);
  });

  it('reads `Option 1 bis.:` between Option 1 and Option 2, and `Option I: [Loss and damage]` over numbered paragraphs as its title', () => {
    // ADP Geneva negotiating text, February 2015.
    const { draft } = read('26. Option 1: Each Party to plan.\nOption 1 bis.: All Parties have obligations.\nOption 1 ter.: Developed countries lead.\nOption 2: No text.\n27. Next.\n\nOption I: [Loss and damage]\n31 quater. [Parties recognize.\n31 quinquies. The purpose.]\nOption II (a separate chapter): [Article X: Loss and damage]\n31 quater. A mechanism.\n');
    const [first, , second] = draft.meta.sections[0]?.paragraphs ?? [];
    expect(draft.paragraphs.find((p) => p.address === '26')?.alternatives?.map((a) => a.label)).toEqual(['Option 1', 'Option 1 bis', 'Option 1 ter', 'Option 2']);
    expect(first).toBe('26');
    expect(block(second).options.map((o) => [o.label, o.title ?? null, o.paragraphs])).toEqual([
      ['Option I', '[Loss and damage]', ['27-opti-31quater', '27-opti-31quinquies']],
      ['Option II', 'a separate chapter: [Article X: Loss and damage]', ['27-optii-31quater']],
    ]);
  });

  it('reads Option I, Option (a) and an option starting a line of text', () => {
    const { draft } = read('Option I: The first reading.\nOption II: The second reading.\n\n7. Chapeau:\n(a) regarding Parties:\nOption (a): All Parties;\nOption (b): Developed country Parties.\n');
    expect(block(draft.meta.sections[0]?.paragraphs[0]).options.map((o) => o.label)).toEqual(['Option I', 'Option II']);
    expect(draft.paragraphs.find((p) => p.address === '7')?.items[0]?.alternatives).toEqual([
      { label: 'Option (a)', text: 'All Parties;' },
      { label: 'Option (b)', text: 'Developed country Parties.' },
    ]);
  });
});

describe('numbers with a letter', () => {
  it('reads three-level decimal numbers (`3.2.1`, as WTO texts number them)', () => {
    const { draft } = read('Article 3\n\n3.1 No Member shall grant a subsidy.\n\n3.2 For the purpose of paragraph 3.1:\n(a) a determination;\n\n3.2.1 The Member shall notify.\n\n3.3 Next.\n');
    expect(draft.paragraphs.map((p) => [p.address, p.number, p.items.length])).toEqual([
      ['art3-3.1', '3.1', 0],
      ['art3-3.2', '3.2', 1],
      ['art3-3.2.1', '3.2.1', 0],
      ['art3-3.3', '3.3', 0],
    ]);
  });

  it('reads `5A.` and `5a.` as paragraph numbers, `5 bis.` still as bis', () => {
    const { draft } = read('5. Five.\n5A. Five A.\n6a. Six a.\n6 bis. Six bis.\n');
    expect(draft.paragraphs.map((p) => [p.address, p.number])).toEqual([
      ['5', '5'],
      ['5a', '5A'],
      ['6a', '6a'],
      ['6bis', '6 bis'],
    ]);
  });
});

describe('UN resolutions', () => {
  it('reads `OP5 alt …` and `10 alt. …` as another wording of that paragraph, labelled Alt', () => {
    const { draft, warnings } = read('OP5 Decides to meet in 2027;\n\nOP5 alt Decides to meet in 2028;\n\n10. The Parties shall cooperate.\n\n10 alt 2. The Parties may cooperate.\n\n11. Alternatively, they report.\n');
    expect(draft.paragraphs.map((p) => [p.address, p.text, (p.alternatives ?? []).map((a) => `${a.label}: ${a.text}`)])).toEqual([
      ['op5', 'Decides to meet in 2027;', ['Alt: Decides to meet in 2028;']],
      ['10', 'The Parties shall cooperate.', ['Alt 2: The Parties may cooperate.']],
      ['11', 'Alternatively, they report.', []],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('notes and markers in words', () => {
  it('keeps `[Facilitators’ note: …]`, `Chair’s note: …` and `Note by the secretariat: …` as notes, never as paragraphs or brackets', () => {
    const { draft } = read('Article 4\n\n1. Each Party shall act.\n\n[Facilitators’ note: paragraph 2 to be revisited.]\n\n2. Parties shall report.\n\nChair’s note: brackets not yet discussed.\n\nNote by the secretariat: see document FCCC/2026/1.\n\n3. The CMA shall review.\n');
    expect(draft.paragraphs.map((p) => [p.address, p.text, (p.notes ?? []).map((n) => `${n.kind}: ${n.text}`)])).toEqual([
      ['art4-1', 'Each Party shall act.', ['editorial: [Facilitators’ note: paragraph 2 to be revisited.]']],
      ['art4-2', 'Parties shall report.', ['editorial: Chair’s note: brackets not yet discussed.', 'editorial: Note by the secretariat: see document FCCC/2026/1.']],
      ['art4-3', 'The CMA shall review.', []],
    ]);
  });

  it('reads a note in braces or brackets wrapped onto the next line as one, and `Note:` alone with the words on the next line', () => {
    const { draft } = read('{PATENTS/ UNDISCLOSED TEST OR OTHER DATA/ TRADITIONAL\n  KNOWLEDGE}\n\n1. One.\n\n[NOTE: ARTICLES ORIGINALLY LABELED AS QQ.E.23-24 HAVE BEEN\nMOVED TO QQ.A.4-5]\n\nNote:\nParagraphs on mitigation are in the mitigation section.\n\n2. Two.\n');
    expect(draft.meta.sections.map((s) => s.label)).toEqual(['{PATENTS/ UNDISCLOSED TEST OR OTHER DATA/ TRADITIONAL KNOWLEDGE}']);
    expect(draft.paragraphs.map((p) => [p.address, p.text, (p.notes ?? []).map((n) => n.text)])).toEqual([
      ['1', 'One.', ['[NOTE: ARTICLES ORIGINALLY LABELED AS QQ.E.23-24 HAVE BEEN MOVED TO QQ.A.4-5]', 'Note: Paragraphs on mitigation are in the mitigation section.']],
      ['2', 'Two.', []],
    ]);
  });

  it('reads `(Agreed ad referendum)` and `(Agreed in informals)` as status markers', () => {
    const { draft } = read('1. One text. (Agreed ad referendum)\n2. Two text. (agreed in informals)\n3. See the note (agreed at COP 21).\n');
    expect(draft.paragraphs.map((p) => [p.address, p.status, p.text])).toEqual([
      ['1', 'agreed-ad-ref', 'One text.'],
      ['2', 'agreed', 'Two text.'],
      ['3', 'open', 'See the note (agreed at COP 21).'],
    ]);
  });
});

describe('COP decisions', () => {
  it('reads `Decision 2/CP.20` and `Draft decision -/CP.20` as headings, each decision numbering its paragraphs from 1', () => {
    // A COP report holds one decision after another (FCCC/CP/2014/10/Add.2); a number alone on its line ("1.") before the next one is no paragraph's.
    const text = '\tDecision 2/CP.20\nWarsaw International Mechanism for Loss and Damage\n\tThe Conference of the Parties,\n\t1.\tApproves the workplan;\n\t2.\tNotes the inputs;\n\t10th plenary meeting\n\nDecision 3/CP.20: National adaptation plans\n\tThe Conference of the Parties,\n\t1.\tTakes note of the progress;\n\tDraft decision -/CMA.1\n\t1.\tDecides.\n';
    const result = read(text);
    expect(result.draft.meta.sections.map((s) => [s.label, s.title ?? null])).toEqual([
      ['Decision 2/CP.20', 'Warsaw International Mechanism for Loss and Damage'],
      ['Decision 3/CP.20', 'National adaptation plans'],
      ['Draft decision -/CMA.1', null],
    ]);
    expect(result.warnings.filter((w) => w.code === 'DUPLICATE_NUMBER')).toEqual([]);
    // A sentence that cites a decision is no heading.
    expect(read('1. Recalls decision 2/CP.17, paragraph 83;\n2. Decision 1/CP.16 applies.\n').draft.meta.sections.map((s) => s.label ?? null)).toEqual([null]);
  });
});

describe('labels and numbers, as the ADP printed them', () => {
  it('reads Pp1 in the margin, `Article 3 bis` with its suffix spaced, and `[37. ter` with the period before it', () => {
    const { draft } = read('Pp1 Being Parties to the Convention,\nPp2 Recalling decisions,\n\n[Article 3 bis] (REDD-PLUS)\n\n1. Defined.\n\n[37. ter A clear process for periodic reviews.]\n');
    expect(draft.paragraphs.map((p) => [p.address, p.number])).toEqual([
      ['pp1', 'Pp1'],
      ['pp2', 'Pp2'],
      ['art3bis-1', '1'],
      ['art3bis-37ter', '37 ter'],
    ]);
    expect(draft.meta.sections.map((s) => s.label)).toContain('[Article 3 bis]');
  });
});

describe('labels and numbers', () => {
  it('keeps prefixed, double, preambular/operative and bis-style numbers as printed, with addresses a user can type', () => {
    const { draft } = read('(TT)4. Prefixed.\n[5][3]. Double.\nPP1. Preamble one.\nOP3. Operative.\n3 bis. Bis.\n3quater. Quater.\n8 quinquies. Quinq.\n');
    expect(paragraphs(draft).map(([address, number]) => `${address}=${number}`)).toEqual([
      'tt4=(TT)4',
      '53=[5][3]',
      'pp1=PP1',
      'op3=OP3',
      '3bis=3 bis',
      '3quater=3quater',
      '8quinquies=8 quinquies',
    ]);
    // A double number is a label, not contested text: nothing of it is left in the text.
    expect(draft.paragraphs[1]?.text).toBe('Double.');
  });

  it('reads nested items (i) under (a), a. items, and (b)where without a space', () => {
    const { draft } = read('1. Chapeau:\n(a) alpha:\n(i) one;\n(ii) two;\n(b)where three.\n2. Next:\na. gamma;\nb. delta.\n');
    expect(draft.paragraphs.map((p) => p.items.map((i) => `${i.label} ${i.text}`))).toEqual([
      ['(a) alpha:', '(i) one;', '(ii) two;', '(b) where three.'],
      ['a. gamma;', 'b. delta.'],
    ]);
  });

  it('reads unnumbered preambular paragraphs as paragraphs pp1, pp2 …', () => {
    const { draft } = read('The Conference of the Parties,\n[Recalling the ultimate objective of the Convention,]\nNoting the initial review,\n1. Decides to continue.\n');
    expect(paragraphs(draft)).toEqual([
      ['pp1', null, 'The Conference of the Parties,'],
      ['pp2', null, '[Recalling the ultimate objective of the Convention,]'],
      ['pp3', null, 'Noting the initial review,'],
      ['1', '1', 'Decides to continue.'],
    ]);
  });

  it('reads a delegation-attributed number, and another delegation\'s proposal for it as an alternative', () => {
    const { draft } = read('Article 6\n\n[CL/NZ propose; US/AU oppose: 2. Nothing in this Chapter shall derogate.]\n\n[CA propose; MX/US oppose: 2. Except as otherwise provided.]\n');
    expect(draft.paragraphs).toHaveLength(1);
    expect(draft.paragraphs[0]).toMatchObject({
      address: 'art6-2',
      number: '2',
      text: '[CL/NZ propose; US/AU oppose: Nothing in this Chapter shall derogate.]',
      alternatives: [{ label: 'CA propose; MX/US oppose', text: '[CA propose; MX/US oppose: Except as otherwise provided.]' }],
    });
  });
});
