import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isAgreed, parseParagraph } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { findUnbracketedChoices } from '../notation/unbracketed-choices.js';
import type { YamlFile } from '../store/yaml-file.js';

/** Rules inside one paragraph: its notation parses, and what is agreed has nothing left open. */
export function checkParagraph(paragraph: Paragraph, yaml: YamlFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const parsed = parseParagraph(paragraph);
  for (const { slot, error } of parsed.errors) {
    out.push({
      code: error.code,
      severity: 'error',
      message: `${error.message} (in ${slot.name})`,
      file: yaml.file,
      ...yaml.locateInString(slot.path, error.point.offset),
    });
  }

  for (const slot of parsed.slots) {
    for (const choice of findUnbracketedChoices(slot.tree)) {
      out.push({
        code: 'UNBRACKETED_CHOICE',
        severity: 'warning',
        message: `"${choice.text}" looks like a choice that is not in brackets (in ${slot.name}); write [${choice.text.replace(/ ?\/ ?/, '/')}] if it is open`,
        file: yaml.file,
        ...yaml.locateInString(slot.path, choice.offset),
      });
    }
  }

  const statusWord = (status: Paragraph['status']) => (status === 'agreed' ? 'agreed' : 'agreed ad ref');
  if (isAgreed(paragraph.status)) {
    const where = yaml.locate(['status']);
    const problems: string[] = [];
    if (paragraph.bracketed) problems.push('the whole paragraph is in brackets');
    for (const b of parsed.brackets) problems.push(`bracket ${b.n} in ${b.slot.name} is open`);
    for (const alt of paragraph.alternatives) problems.push(`alternative "${alt.label}" is still on the table`);
    paragraph.items.forEach((item) => {
      for (const alt of item.alternatives ?? []) problems.push(`alternative "${alt.label}" of item ${item.label} is still on the table`);
    });
    for (const problem of problems) {
      out.push({ code: 'AGREED_NOT_RESOLVED', severity: 'error', message: `paragraph ${paragraph.number} is ${statusWord(paragraph.status)} but ${problem}`, file: yaml.file, ...where });
    }
  }
  paragraph.items.forEach((item, itemIndex) => {
    if (!isAgreed(item.status) || item.status === undefined) return;
    const where = yaml.locate(['items', itemIndex, 'status']);
    const problems: string[] = [];
    for (const b of parsed.brackets) {
      if (b.slot.itemIndex === itemIndex) problems.push(`bracket ${b.n} in ${b.slot.name} is open`);
    }
    for (const alt of item.alternatives ?? []) problems.push(`alternative "${alt.label}" is still on the table`);
    for (const problem of problems) {
      out.push({ code: 'AGREED_NOT_RESOLVED', severity: 'error', message: `item ${item.label} of paragraph ${paragraph.number} is ${statusWord(item.status)} but ${problem}`, file: yaml.file, ...where });
    }
  });
  return out;
}
