import type { Section } from './schemas.js';

/** The paragraph numbers a section lists itself (option blocks included), not those of its subsections, in reading order. */
export function sectionNumbers(section: Section): string[] {
  const numbers: string[] = [];
  for (const entry of section.paragraphs) {
    if (typeof entry === 'string') numbers.push(entry);
    else for (const option of entry.options) numbers.push(...option.paragraphs);
  }
  return numbers;
}

/** Every paragraph number of the outline, subsections included, in reading order. */
export function outlineNumbers(sections: readonly Section[]): string[] {
  const numbers: string[] = [];
  for (const section of sections) {
    numbers.push(...sectionNumbers(section));
    numbers.push(...outlineNumbers(section.subsections ?? []));
  }
  return numbers;
}
