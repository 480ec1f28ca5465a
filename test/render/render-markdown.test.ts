import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidateDraft } from '../../src/export/consolidate-draft.js';
import { exportInput } from '../../src/export/export-input.js';
import type { Draft } from '../../src/model/schemas.js';
import { cleanText } from '../../src/render/html-escape.js';
import { escapeMarkdown, renderMarkdown } from '../../src/render/render-markdown.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT } from '../helpers/sandbox.js';

const bundled = (await checkDraft(await loadDraft(BUNDLED_DRAFT))).draft as Draft;

/** A small draft with one of everything: statuses, a whole-paragraph bracket, options, items, alternatives, an option block. */
function sampleDraft(): Draft {
  return {
    meta: {
      title: 'Test outcome',
      source: 'test.txt',
      sections: [
        { number: '1', title: 'Principles', paragraphs: ['1', '2'] },
        {
          number: '2',
          title: 'Action',
          paragraphs: [],
          subsections: [
            {
              number: '2a',
              title: 'Finance',
              paragraphs: [
                '3',
                { block: 'Finance options', options: [{ label: 'Option 1', paragraphs: ['4'] }, { label: 'Option 2', paragraphs: ['5'] }] },
              ],
            },
          ],
        },
      ],
      closing: '___',
    },
    paragraphs: [
      { address: '1', number: '1', status: 'agreed', bracketed: false, text: 'We agree.', items: [], alternatives: [] },
      {
        address: '2', number: '2',
        status: 'open',
        bracketed: true,
        text: 'We [call for/urge] [enhanced] cooperation.',
        items: [],
        alternatives: [
          { label: 'Alt 1', text: 'We call for cooperation.', proposedBy: ['EU', 'G77'] },
          { label: 'Alt 2', text: 'We urge cooperation.', opposedBy: ['US'], notes: [{ text: 'Tabled late' }] },
        ],
      },
      {
        address: '3', number: '3',
        status: 'open',
        bracketed: false,
        text: 'We will:',
        items: [
          { label: 'a)', text: 'mobilize funds;', status: 'agreed' },
          { label: 'b)', text: 'report [annually].', alternatives: [{ label: 'Alt 3b1', text: 'report every two years.' }] },
        ],
        alternatives: [],
        notes: [{ text: 'See 2' }],
      },
      { address: '4', number: '4', status: 'agreed-ad-ref', bracketed: false, text: 'Option one text.', items: [], alternatives: [] },
      { address: '5', number: '5', status: 'deleted', bracketed: false, text: 'Option two text.', items: [], alternatives: [] },
    ],
  };
}

/** The same draft with everything settled by hand, as `accept` and `agree` would leave it. */
function resolvedDraft(): Draft {
  const draft = sampleDraft();
  const [, p2, p3] = draft.paragraphs;
  Object.assign(p2!, { status: 'agreed', bracketed: false, text: 'We call for cooperation.', alternatives: [] });
  Object.assign(p3!, { status: 'agreed', items: [{ label: 'a)', text: 'mobilize funds;' }, { label: 'b)', text: 'report annually.' }] });
  return draft;
}

/** Markup characters left unescaped, other than the `>` that opens a quoted block (our own). */
function unescaped(markdown: string, chars: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    if (!chars.includes(markdown[i]!)) continue;
    if (markdown[i] === '>' && /(^|\n) *$/.test(markdown.slice(0, i))) continue;
    let slashes = 0;
    while (markdown[i - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) found.push(`${markdown[i]} at ${i}: …${markdown.slice(Math.max(0, i - 20), i + 20)}…`);
  }
  return found;
}

/** What a CommonMark renderer shows for escaped text: each backslash escape gives back its character. */
function shown(escaped: string): string {
  return escaped.replace(/\\\n/g, '\n').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('escapeMarkdown', () => {
  it('escapes every character that could open markup, so the text reads as typed', () => {
    expect(escapeMarkdown('[a](b) ![img](x) <b>x</b> *em* _em_ `code` ~~s~~ | # & \\ $x$ a@b.org')).toBe(
      '\\[a\\](b) !\\[img\\](x) \\<b\\>x\\</b\\> \\*em\\* \\_em\\_ \\`code\\` \\~\\~s\\~\\~ \\| \\# \\& \\\\ \\$x\\$ a\\@b.org',
    );
    expect(escapeMarkdown('](javascript:alert(1))')).toBe('\\](javascript:alert(1))');
    expect(escapeMarkdown('&amp; &#60;')).toBe('\\&amp; \\&\\#60;');
    expect(escapeMarkdown('see https://un.org and www.un.org')).toBe('see https\\://un.org and www\\.un.org');
  });

  it('keeps a line break as a hard break and lets no new line start a block', () => {
    expect(escapeMarkdown('first\n# heading\n\n- list\n  1. ordered\n===\n> quote')).toBe(
      'first\\\n\\# heading\\\n\\- list\\\n1\\. ordered\\\n\\===\\\n\\> quote',
    );
    expect(escapeMarkdown('1) item', { lineStart: true })).toBe('1\\) item');
    expect(escapeMarkdown('    code?', { lineStart: true })).toBe('code?');
  });

  it('shows control characters as U+FFFD and closes a right-to-left override at the end', () => {
    expect(escapeMarkdown('a\u0000b\u0007c\u001bd\u007fe\tf')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\tf');
    expect(escapeMarkdown('a\r\nb')).toBe('a\\\nb');
    expect(escapeMarkdown('\u202eEU')).toBe('\u202eEU\u202c');
    expect(escapeMarkdown('\u2067שלום\u2069 ok')).toBe('\u2067שלום\u2069 ok');
    expect(escapeMarkdown('نص عربي')).toBe('نص عربي');
  });
});

describe('renderMarkdown', () => {
  it('writes a compilation text with brackets, markers, items, alternatives and option blocks', () => {
    expect(renderMarkdown(exportInput(sampleDraft(), 'compilation', { note: 'Printed for the second round.' }))).toBe(
      [
        '# Test outcome',
        '',
        'Source: test.txt',
        '',
        '*Compilation text: words in \\[brackets\\] are not agreed, \\[a/b\\] is a choice between options, quoted blocks are alternatives.*',
        '',
        '## 1. Principles',
        '',
        '**1.** We agree. *(Agreed)*',
        '',
        '**\\[2.** We \\[call for/urge\\] \\[enhanced\\] cooperation.\\]',
        '',
        '> **Alt 1** · proposed by EU, G77',
        '>',
        '> We call for cooperation.',
        '',
        '> **Alt 2** · opposed by US',
        '>',
        '> We urge cooperation.',
        '>',
        '> *Note:* Tabled late',
        '',
        '## 2. Action',
        '',
        '### 2a) Finance',
        '',
        '**3.** We will:',
        '',
        '- a) mobilize funds; *(Agreed)*',
        '- b) report \\[annually\\].',
        '',
        '  > **Alt 3b1**',
        '  >',
        '  > report every two years.',
        '',
        '*Note:* See 2',
        '',
        '**Finance options: Option 1**',
        '',
        '**4.** Option one text. *(Agreed ad ref)*',
        '',
        '**Finance options: Option 2**',
        '',
        '**5.** ~~Option two text.~~ *(Deleted)*',
        '',
        '\\_\\_\\_',
        '',
        'Printed for the second round.',
        '',
      ].join('\n'),
    );
  });

  it('writes the clean text of a draft resolved by hand, under printed numbers; a settled option block without its heading', () => {
    const clean = consolidateDraft(resolvedDraft(), { renumber: true });
    const markdown = renderMarkdown(exportInput(clean.draft, 'clean', { numbers: clean.numbers }));
    expect(markdown).toBe(
      [
        '# Test outcome',
        '',
        '## 1. Principles',
        '',
        '**1.** We agree.',
        '',
        '**2.** We call for cooperation.',
        '',
        '## 2. Action',
        '',
        '### 2a) Finance',
        '',
        '**3.** We will:',
        '',
        '- a) mobilize funds;',
        '- b) report annually.',
        '',
        '**4.** Option one text.',
        '',
        '\\_\\_\\_',
        '',
      ].join('\n'),
    );
  });

  it('renders the bundled draft as a compilation text', () => {
    const markdown = renderMarkdown(exportInput(bundled, 'compilation'));
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('# WSIS Tunis phase: Internet governance (paragraphs 39–76)');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## 1. Introduction',
      '## 2. Stakeholders',
      '## 3. Public policy issues relevant to Internet Governance',
      '## 4. Measures to promote development',
      '## 5. Follow-up and Possible Future Arrangements',
    ]);
    expect(lines.filter((l) => l.startsWith('### '))).toEqual([
      '### 3a) Infrastructure and management of critical Internet resources',
      '### 3b) Public policy issues related to the use of the Internet',
    ]);
    for (const p of bundled.paragraphs) expect(lines.filter((l) => l.startsWith(`**${p.number}.** `) || l.startsWith(`**\\[${p.number}.** `))).toHaveLength(1);
    expect(lines).toContain('**56.** We recognize and acknowledge the vital role played by many existing organizations in the technical \\[management/development\\] of the Internet.');
    const p61 = lines.find((l) => l.startsWith('**\\[61.** We underline the importance of the prosecution of cybercrime'));
    expect(p61).toMatch(/Convention on Cybercrime\.\\]$/);
    expect(lines).toContain('> **Alt 2**');
    expect(lines).toContain('> We further underline \\[the importance of efficient mechanisms and effective instruments at national and international levels, and\\] the necessity to promote international cooperation to this end.');
    expect(lines.find((l) => l.startsWith('- e) Promoting the development'))).toMatch(/countries; \*\(Agreed\)\*$/);
    expect(lines).toContain('  > **Alt 71g2**');
    expect(lines).toContain('- · Approach: evolutionary; incremental');
    expect(lines.filter((l) => l.endsWith('*(Agreed)*'))).toHaveLength(23);
    expect(markdown.endsWith('\n\\_\\_\\_\n')).toBe(true);
    expect(unescaped(markdown, '<>[]`&|')).toEqual([]);
  });

  it('renders only agreed text of the bundled draft in clean mode, with the note of what was left out', () => {
    const clean = consolidateDraft(bundled, { agreedOnly: true });
    const markdown = renderMarkdown(exportInput(clean.draft, 'clean', { note: clean.note }));
    expect(markdown).not.toMatch(/\\\[|\*\(Agreed|> \*\*Alt|~~/);
    expect(markdown).toContain('**39.** We reaffirm the principles');
    expect(markdown).not.toContain('**61.**');
    expect(markdown).toContain('**71.**\n\n- e) Promoting the development and growth of low-cost terminal equipment');
    expect(markdown.trimEnd().split('\n').at(-1)).toMatch(/^Not included, not yet agreed: paragraphs 48, 49, .*71 \(all but item e\)\)/);
  });

  it('prints hostile strings as typed, with no live link, HTML or control character', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '&amp; "quoted" \'single\'',
      '"><img src=x onerror=alert(1)>',
      '[click](javascript:alert(1)) ](javascript:alert(1))',
      'مرحبا \u202eEU שלום',
    ];
    const typed = hostile.join(' ');
    const controls = `controls:${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}:end`;
    const draft: Draft = {
      meta: {
        title: `# ${hostile[0]}`,
        sections: [
          { number: '<1>', title: hostile[2], paragraphs: ['1', '2'] },
          { number: '2', title: 'Two\nlines', paragraphs: ['3'] },
        ],
        preamble: hostile[3],
        notes: [{ text: hostile[1]! }],
      },
      paragraphs: [
        {
          address: '1', number: '1',
          status: 'open',
          bracketed: false,
          text: typed,
          items: [{ label: '1.', text: hostile[3]! }, { label: '·', text: controls }],
          alternatives: [{ label: hostile[0]!, text: hostile[2]!, proposedBy: [hostile[4]!], opposedBy: ['<b>US</b>'], notes: [{ text: controls }] }],
          notes: [{ text: hostile[1]! }],
        },
        { address: '2', number: '2', status: 'open', bracketed: false, text: 'ok\n- not a list\n# not a heading\n===', items: [], alternatives: [] },
        { address: '3', number: '3', status: 'open', bracketed: false, text: '', items: [{ label: ' ', text: '2. not ordered' }], alternatives: [] },
      ],
    };
    const markdown = renderMarkdown({ draft, mode: 'compilation', displayNumber: (p) => `<i>${p.number}</i>`, note: controls });
    expect(unescaped(markdown, '<>[]`&|_')).toEqual([]);
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/u);
    expect(markdown).toContain('controls:\ufffd\ufffd\ufffd');
    expect(markdown).toContain(`**\\<i\\>1\\</i\\>.** ${escapeMarkdown(typed)}\n`);
    // What a reader sees is what was typed, the right-to-left override closed at the end.
    expect(shown(escapeMarkdown(typed))).toBe(`${typed}\u202c`);
    expect(markdown).toContain('مرحبا \u202eEU שלום\u202c');
    expect(markdown).toContain('**\\<i\\>2\\</i\\>.** ok\\\n\\- not a list\\\n\\# not a heading\\\n\\===\n');
    expect(markdown).toContain('\n## 2. Two lines\n');
    expect(markdown).toContain('\n- 2\\. not ordered\n');
    expect(markdown).toContain('# \\# \\<script\\>alert(1)\\</script\\>\n');
    expect(markdown).toContain('## \\<1\\>. "\\>\\<img src=x onerror=alert(1)\\>\n');
    expect(markdown).toContain('- 1\\. \\[click\\](javascript:alert(1)) \\](javascript:alert(1))');
    expect(markdown).toContain('> **\\<script\\>alert(1)\\</script\\>** · proposed by مرحبا \u202eEU שלום\u202c; opposed by \\<b\\>US\\</b\\>');
  });
});

/** escapeMarkdown as it was written before its one-line shortcut (every text split into lines and joined again). */
function escapeBySplitting(text: string, options: { lineStart?: boolean; oneLine?: boolean } = {}): string {
  const cleaned = cleanText(text);
  const lines = (options.oneLine ? cleaned.replace(/[ \t]*\n\s*/gu, ' ') : cleaned)
    .split('\n')
    .map((line, i) => (i > 0 || options.lineStart ? line.replace(/^[ \t]+/u, '') : line))
    .filter((line, i) => i === 0 || line !== '');
  return lines
    .map((line, i) => {
      let out = line.replace(/[\\`*_[\]<>|~&#$@]/gu, '\\$&');
      if (out.includes(':')) out = out.replace(/\b(https?|ftp|file|mailto):/giu, '$1\\:');
      if (/www\./i.test(out)) out = out.replace(/\bwww\./giu, 'www\\.');
      if (i > 0 || options.lineStart) out = out.replace(/^[-+=]/u, '\\$&').replace(/^(\d+)([.)])/u, '$1\\$2');
      return out;
    })
    .join('\\\n');
}

describe('escapeMarkdown, one line or several', () => {
  it('escapes every text as splitting it into lines did', () => {
    const piece = fc.constantFrom('a', 'word', ' ', '\t', '\n', '\r\n', '-', '+', '=', '1.', '2)', '*', '_', '[', ']', '\\', '`', '<', '&', '#', '|', '~', '$', '@', 'http:', 'www.', 'é', '\u202e', '\u0007');
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), (t, lineStart, oneLine) => {
        expect(escapeMarkdown(t, { lineStart, oneLine })).toBe(escapeBySplitting(t, { lineStart, oneLine }));
      }),
      { numRuns: 2000 },
    );
  });
});
