/**
 * One malformed draft per test: a copy of the bundled draft, corrupted the way a person editing
 * YAML by hand would, checked as `ndraft validate` does. Each test asserts what the user is told:
 * the code, the file, the line and column (computed from the corrupted text, not copied from the
 * output), and a message that says what to fix.
 */
import { cpSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT, copyBundledDraft, editFile, positionOf, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const P061 = 'paragraphs/061.yaml';

interface Checked {
  dir: string;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  valid: boolean;
  /** Absolute path of a file of the draft, as diagnostics name it. */
  file(relative: string): string;
}

/** Copies the bundled draft, lets `corrupt` damage it, then loads and checks it. */
async function check(corrupt: (dir: string) => void): Promise<Checked> {
  const dir = copyBundledDraft();
  corrupt(dir);
  const { diagnostics, draft } = (await checkDraft(await loadDraft(dir)));
  return {
    dir,
    errors: diagnostics.filter((d) => d.severity === 'error'),
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    valid: draft !== undefined,
    file: (relative) => join(dir, relative),
  };
}

/** Applies a text edit and returns where `needle` (plus `shift`) now stands in the edited file. */
function editAt(dir: string, file: string, edit: (s: string) => string, needle: string, shift = 0): { line: number; column: number } {
  return positionOf(editFile(dir, file, edit), needle, shift);
}

/** The character under the caret. */
const underCaret = (d: Diagnostic | undefined) => d?.sourceLine?.[(d.column ?? 0) - 1];

describe('checkDraft: YAML syntax', () => {
  it('a mapping key indented by one space: YAML_BAD_INDENT at the start of that line', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, P061, (s) => s.replace('\nstatus: open', '\n status: open'), ' status: open');
    });
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'YAML_BAD_INDENT', file: r.file(P061), ...at, message: 'All mapping items must start at the same column', sourceLine: ' status: open' }),
    ]);
    expect(at).toEqual({ line: 4, column: 1 });
  });

  it('a tab used for indentation: YAML_TAB_AS_INDENT on that line', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, P061, (s) => s.replace('\nbracketed: true', '\n\tbracketed: true'), '\tbracketed');
    });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'YAML_TAB_AS_INDENT', file: r.file(P061), ...at, message: expect.stringMatching(/Tabs are not allowed/) })]);
  });

  it('a key given twice: YAML_DUPLICATE_KEY at the second one', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, P061, (s) => s.replace('status: open\n', 'status: open\nstatus: agreed\n'), 'status: agreed');
    });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'YAML_DUPLICATE_KEY', file: r.file(P061), ...at, message: expect.stringMatching(/keys must be unique/) })]);
  });

  it('an opening quote never closed: YAML_MISSING_CHAR in that file', async () => {
    const r = await check((dir) => {
      editFile(dir, 'paragraphs/039.yaml', (s) => s.replace('text: We reaffirm', 'text: "We reaffirm'));
    });
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'YAML_MISSING_CHAR', file: r.file('paragraphs/039.yaml'), message: 'this quote is never closed' })]);
  });

  // The yaml parser reports MISSING_CHAR at the end of the file; a person needs the opening quote.
  it('an opening quote never closed: the caret points at the opening quote', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, 'paragraphs/039.yaml', (s) => s.replace('text: We reaffirm', 'text: "We reaffirm'), '"We reaffirm');
    });
    expect(r.errors[0]).toEqual(expect.objectContaining({ code: 'YAML_MISSING_CHAR', ...at }));
  });

  it('keeps the right line and column in a file with Windows line endings', async () => {
    const r = await check((dir) => {
      editFile(dir, P061, (s) => s.replace('status: open', 'status: done').replace(/\n/g, '\r\n'));
    });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'SCHEMA', file: r.file(P061), line: 4, column: 9, sourceLine: 'status: done' })]);
  });
});

describe('checkDraft: schema of a paragraph file', () => {
  it('status: done → SCHEMA at the value, listing the four statuses', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, P061, (s) => s.replace('status: open', 'status: done'), 'done');
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'SCHEMA', file: r.file(P061), ...at, message: 'status must be one of open, agreed, agreed-ad-ref, deleted' }),
    ]);
    expect(at).toEqual({ line: 4, column: 9 });
    expect(underCaret(r.errors[0])).toBe('d');
  });

  it('a required field left out → SCHEMA naming the field and its type, at the start of the mapping', async () => {
    const r = await check((dir) => {
      editFile(dir, P061, (s) => s.replace('bracketed: true\n', ''));
    });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'SCHEMA', file: r.file(P061), line: 2, column: 1, message: 'bracketed is required (boolean)' })]);
  });

  it('bracketed: "yes" → SCHEMA at the value, saying true or false and quoting what was found', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, P061, (s) => s.replace('bracketed: true', 'bracketed: "yes"'), '"yes"');
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'SCHEMA', file: r.file(P061), ...at, message: 'bracketed must be true or false, not the text "yes"' }),
    ]);
  });

  it('a misspelt field (statsu) → SCHEMA "unknown field" with the caret on the key, and the real field reported missing', async () => {
    const r = await check((dir) => {
      editFile(dir, P061, (s) => s.replace('status: open', 'statsu: open'));
    });
    expect(r.errors).toHaveLength(2);
    expect(r.errors).toContainEqual(
      expect.objectContaining({ code: 'SCHEMA', file: r.file(P061), line: 4, column: 1, message: 'unknown field "statsu"', sourceLine: 'statsu: open' }),
    );
    expect(r.errors).toContainEqual(
      expect.objectContaining({ code: 'SCHEMA', file: r.file(P061), line: 2, column: 1, message: expect.stringMatching(/^status .*open, agreed, agreed-ad-ref, deleted/) }),
    );
  });

  it('an invalid address → SCHEMA at the value, with examples of good ones', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, P061, (s) => s.replace('address: "61"', 'address: "61 bis!"'), '"61 bis!"');
    });
    expect(r.errors).toEqual([
      expect.objectContaining({
        code: 'SCHEMA',
        file: r.file(P061),
        ...at,
        message: 'address: an address is letters and digits, with "." or "-" between them, like "61", "61bis", "art3-2" or "opt1-pp1"',
      }),
    ]);
  });

  it('a printed number is kept as printed: spaces and prefixes are fine, a line break is not', async () => {
    const fine = await check((dir) => {
      editFile(dir, P061, (s) => s.replace('number: "61"', 'number: "(TT)61 bis"'));
    });
    expect(fine.errors).toEqual([]);
    let at = { line: 0, column: 0 };
    const broken = await check((dir) => {
      at = editAt(dir, P061, (s) => s.replace('number: "61"', 'number: "61\\n62"'), '"61\\n62"');
    });
    expect(broken.errors).toEqual([expect.objectContaining({ code: 'SCHEMA', file: broken.file(P061), ...at, message: 'number: a paragraph number is one line' })]);
  });

  it('a paragraph number written without quotes (a YAML integer) → SCHEMA at the value', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, P061, (s) => s.replace('number: "61"', 'number: 61'), 'number: 61', 8);
    });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'SCHEMA', file: r.file(P061), ...at, message: 'number must be text: write it in quotes, "61"' })]);
  });

  it('a paragraph file holding a YAML list → SCHEMA "must be a mapping, not a list" at 1:1', async () => {
    const r = await check((dir) => {
      writeFileSync(join(dir, P061), '- number: "61"\n- status: open\n');
    });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'SCHEMA', file: r.file(P061), line: 1, column: 1, message: 'the file must be a mapping, not a list' })]);
  });
});

describe('checkDraft: draft.yaml', () => {
  it('missing draft.yaml → READ_FAILED naming the file (no line: there is no file to point into)', async () => {
    const r = await check((dir) => unlinkSync(join(dir, 'draft.yaml')));
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([{ code: 'READ_FAILED', severity: 'error', message: 'file not found', file: r.file('draft.yaml') }]);
  });

  it('an empty draft.yaml → SCHEMA "must be a mapping, not empty" at 1:1', async () => {
    const r = await check((dir) => writeFileSync(join(dir, 'draft.yaml'), ''));
    expect(r.errors).toEqual([expect.objectContaining({ code: 'SCHEMA', file: r.file('draft.yaml'), line: 1, column: 1, message: 'the file must be a mapping, not empty' })]);
  });

  it('an empty title → SCHEMA at the value', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, 'draft.yaml', (s) => s.replace(/^title: .*$/m, 'title: ""'), '""');
    });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'SCHEMA', file: r.file('draft.yaml'), ...at, message: 'title must not be empty' })]);
  });

  it('an outline entry written without quotes → SCHEMA naming where it is in the outline', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, 'draft.yaml', (s) => s.replace('- "62"', '- 62'), '- 62', 2);
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'SCHEMA', file: r.file('draft.yaml'), ...at, message: expect.stringMatching(/^sections\[2\]\.subsections\[1\]\.paragraphs\[2\] must be a paragraph number/) }),
    ]);
  });
});

describe('checkDraft: rules across files', () => {
  it('two files with the same address → DUPLICATE_ADDRESS (and FILE_NAME) on the second, naming the first', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      cpSync(join(dir, P061), join(dir, 'paragraphs/061bis.yaml'));
      at = positionOf(readFileSync(join(dir, 'paragraphs/061bis.yaml'), 'utf8'), '"61"');
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'FILE_NAME', file: r.file('paragraphs/061bis.yaml'), ...at, message: 'paragraph 61 belongs in 061.yaml, not 061bis.yaml' }),
      expect.objectContaining({ code: 'DUPLICATE_ADDRESS', file: r.file('paragraphs/061bis.yaml'), ...at, message: 'paragraph address 61 is also used by 061.yaml' }),
    ]);
  });

  it('two addresses that differ only in case → DUPLICATE_ADDRESS; a Windows reserved name → RESERVED_ADDRESS', async () => {
    const r = await check((dir) => {
      const text = readFileSync(join(dir, 'paragraphs/076.yaml'), 'utf8');
      writeFileSync(join(dir, 'paragraphs/076bis.yaml'), text.replace('address: "76"', 'address: 76bis'));
      writeFileSync(join(dir, 'paragraphs/076BIS.yaml'), text.replace('address: "76"', 'address: 76BIS'));
      writeFileSync(join(dir, 'paragraphs/con.yaml'), text.replace('address: "76"', 'address: con'));
      editFile(dir, 'draft.yaml', (s) => s.replace('      - "76"\n', '      - "76"\n      - 76bis\n      - 76BIS\n      - con\n'));
    });
    expect(r.errors.map((d) => [d.code, d.message])).toEqual([
      ['DUPLICATE_ADDRESS', 'paragraph address 76bis differs only in case from 76BIS (076BIS.yaml); file systems that ignore case would mix them up'],
      ['RESERVED_ADDRESS', 'paragraph address con is a reserved file name on Windows; choose another, e.g. p-con'],
    ]);
  });

  // The file is there, with the wrong number: that is said on the file, not as a missing file.
  it('a file whose address was changed is not reported as a missing file', async () => {
    const r = await check((dir) => {
      editFile(dir, 'paragraphs/062.yaml', (s) => s.replace('address: "62"', 'address: "61"'));
    });
    expect(r.errors.map((d) => d.code)).toContain('DUPLICATE_ADDRESS');
    expect(r.errors.filter((d) => d.message.includes('062.yaml does not exist'))).toEqual([]);
  });

  it('a number that does not match the file name → FILE_NAME at the number, naming the right file', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      renameSync(join(dir, P061), join(dir, 'paragraphs/099.yaml'));
      at = positionOf(readFileSync(join(dir, 'paragraphs/099.yaml'), 'utf8'), '"61"');
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'FILE_NAME', file: r.file('paragraphs/099.yaml'), ...at, message: 'paragraph 61 belongs in 061.yaml, not 099.yaml' }),
    ]);
  });

  it('a paragraph file the outline does not list → NOT_IN_OUTLINE, saying to add it to draft.yaml', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      const text = readFileSync(join(dir, 'paragraphs/076.yaml'), 'utf8').replace('address: "76"', 'address: "77"');
      writeFileSync(join(dir, 'paragraphs/077.yaml'), text);
      at = positionOf(text, '"77"');
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'NOT_IN_OUTLINE', file: r.file('paragraphs/077.yaml'), ...at, message: 'paragraph 77 is not in the outline: add it to a section in draft.yaml' }),
    ]);
  });

  it('an outline entry with no file → OUTLINE_MISSING_FILE at the entry in draft.yaml, naming the file', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      unlinkSync(join(dir, P061));
      at = positionOf(readFileSync(join(dir, 'draft.yaml'), 'utf8'), '"61"');
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'OUTLINE_MISSING_FILE', file: r.file('draft.yaml'), ...at, message: 'paragraph 61 is in the outline but paragraphs/061.yaml does not exist' }),
    ]);
  });

  it('an outline entry listed twice → OUTLINE_DUPLICATE at the second listing', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, 'draft.yaml', (s) => s.replace('      - "76"\n', '      - "76"\n      - "39"\n'), '- "76"\n      - "39"', 15);
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'OUTLINE_DUPLICATE', file: r.file('draft.yaml'), ...at, message: 'paragraph 39 is listed twice in the outline' }),
    ]);
    expect(underCaret(r.errors[0])).toBe('"');
  });

  it('an option block that records an accepted option it does not have → UNKNOWN_ACCEPTED_OPTION at that label', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(
        dir,
        'draft.yaml',
        (s) => s.replace('      - "76"\n', '      - block: Closing\n        options:\n          - label: Option 1\n            paragraphs:\n              - "76"\n        accepted: Option 9\n'),
        'Option 9',
      );
    });
    expect(r.errors).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_ACCEPTED_OPTION',
        file: r.file('draft.yaml'),
        ...at,
        message: 'block "Closing" records "Option 9" as accepted, but has no option so labelled (Option 1)',
      }),
    ]);
  });
});

describe('checkDraft: bracket notation inside the text', () => {
  it('an unclosed bracket in the text → UNCLOSED_BRACKET with the caret on the "["', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, 'paragraphs/076.yaml', (s) => s.replace('[some]', '[some'), '[some');
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'UNCLOSED_BRACKET', file: r.file('paragraphs/076.yaml'), ...at, message: 'opening bracket "[" is never closed (in text)' }),
    ]);
    expect(underCaret(r.errors[0])).toBe('[');
  });

  it('a stray "]" in an alternative → UNEXPECTED_CLOSING_BRACKET at that very character of the YAML file', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, P061, (s) => s.replace('the necessity to promote', 'the necessity] to promote'), 'necessity]', 9);
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'UNEXPECTED_CLOSING_BRACKET', file: r.file(P061), ...at, message: 'closing bracket "]" has no opening bracket (in Alt 2)' }),
    ]);
    expect(at.line).toBe(12);
    expect(underCaret(r.errors[0])).toBe(']');
  });

  it('a stray "]" in a double-quoted text with escapes is still placed on that character', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(
        dir,
        P061,
        (s) => s.replace(/ {4}text: We further underline \[the importance.*\n/, '    text: "We further \\u201cunderline\\u201d [the importance of it, and] the necessity] to promote."\n'),
        'necessity]',
        9,
      );
    });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'UNEXPECTED_CLOSING_BRACKET', file: r.file(P061), ...at })]);
    expect(underCaret(r.errors[0])).toBe(']');
  });

  // In a folded block scalar (text: >-) the lookup follows the line folding.
  it('a stray "]" in a folded multi-line text is placed on that character', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(
        dir,
        P061,
        (s) =>
          s.replace(
            / {4}text: We further underline \[the importance.*\n/,
            '    text: >-\n      We further underline [the importance of efficient mechanisms and effective\n      instruments at national and international levels, and] the necessity] to\n      promote international cooperation to this end.\n',
          ),
        'necessity]',
        9,
      );
    });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'UNEXPECTED_CLOSING_BRACKET', file: r.file(P061), ...at })]);
  });
});

describe('checkDraft: what is agreed has nothing left open', () => {
  it('an agreed paragraph with an open bracket → AGREED_NOT_RESOLVED at its status', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, 'paragraphs/076.yaml', (s) => s.replace('status: open', 'status: agreed'), 'agreed');
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'AGREED_NOT_RESOLVED', file: r.file('paragraphs/076.yaml'), ...at, message: 'paragraph 76 is agreed but bracket 1 in text is open' }),
    ]);
  });

  it('a paragraph agreed ad ref while bracketed and with alternatives → one error per open matter', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, P061, (s) => s.replace('status: open', 'status: agreed-ad-ref'), 'agreed-ad-ref');
    });
    const where = { code: 'AGREED_NOT_RESOLVED', file: r.file(P061), ...at };
    expect(r.errors).toEqual(
      [
        'paragraph 61 is agreed ad ref but the whole paragraph is in brackets',
        'paragraph 61 is agreed ad ref but bracket 1 in Alt 2 is open',
        'paragraph 61 is agreed ad ref but alternative "Alt 1" is still on the table',
        'paragraph 61 is agreed ad ref but alternative "Alt 2" is still on the table',
        'paragraph 61 is agreed ad ref but alternative "Alt 3" is still on the table',
      ].map((message) => expect.objectContaining({ ...where, message })),
    );
  });

  it('an agreed item with alternatives → AGREED_NOT_RESOLVED at the item status, one per alternative', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(
        dir,
        'paragraphs/071.yaml',
        (s) => s.replace('  - label: f)\n', '  - label: f)\n    status: agreed\n'),
        '  - label: f)\n    status: agreed',
        '  - label: f)\n    status: '.length,
      );
    });
    const where = { code: 'AGREED_NOT_RESOLVED', file: r.file('paragraphs/071.yaml'), ...at };
    expect(r.errors).toEqual([
      expect.objectContaining({ ...where, message: 'item f) of paragraph 71 is agreed but alternative "Alt 71g1" is still on the table' }),
      expect.objectContaining({ ...where, message: 'item f) of paragraph 71 is agreed but alternative "Alt 71g2" is still on the table' }),
    ]);
  });

  it('an agreed item with an open bracket in its text → AGREED_NOT_RESOLVED at the item status', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(
        dir,
        'paragraphs/071.yaml',
        (s) => s.replace('  - label: a)\n', '  - label: a)\n    status: agreed\n').replace('Promoting Internet transit', 'Promoting [Internet] transit'),
        '  - label: a)\n    status: agreed',
        '  - label: a)\n    status: '.length,
      );
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'AGREED_NOT_RESOLVED', file: r.file('paragraphs/071.yaml'), ...at, message: 'item a) of paragraph 71 is agreed but bracket 1 in item a) is open' }),
    ]);
  });
});

describe('checkDraft: encoding and warnings', () => {
  it('bytes that are not UTF-8 → NOT_UTF8 error at the first bad character', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      const path = join(dir, 'paragraphs/039.yaml');
      const bytes = readFileSync(path);
      at = positionOf(bytes.toString('utf8'), 'reaffirm');
      bytes[bytes.indexOf('reaffirm')] = 0xe9; // "éeaffirm" in windows-1252
      writeFileSync(path, bytes);
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'NOT_UTF8', file: r.file('paragraphs/039.yaml'), ...at, message: expect.stringMatching(/not valid UTF-8 \(byte 0xE9\)/) }),
    ]);
  });

  it('the bundled draft is valid with four UNBRACKETED_CHOICE warnings, two of them in 57', async () => {
    const { diagnostics, draft } = (await checkDraft(await loadDraft(BUNDLED_DRAFT)));
    expect(draft?.paragraphs).toHaveLength(38);
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(Array(4).fill('warning UNBRACKETED_CHOICE'));
    expect(diagnostics.filter((d) => d.file === join(BUNDLED_DRAFT, 'paragraphs/057.yaml')).map((d) => d.message)).toEqual([
      expect.stringMatching(/^"enhance\/establish" looks like a choice that is not in brackets .*write \[enhance\/establish\]/),
      expect.stringMatching(/^"model\/mechanism" looks like a choice/),
    ]);
  });

  it('a new unbracketed choice in an agreed paragraph is a warning at that word; the draft stays valid', async () => {
    let at = { line: 0, column: 0 };
    const r = await check((dir) => {
      at = editAt(dir, 'paragraphs/039.yaml', (s) => s.replace('multilateral, transparent', 'multilateral/plurilateral, transparent'), 'multilateral/');
    });
    expect(r.valid).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'UNBRACKETED_CHOICE', file: r.file('paragraphs/039.yaml'), ...at }));
    expect(r.warnings).toHaveLength(5);
  });
});
