/**
 * The export rows beyond text, docx and pdf (which have rows of their own): every other format,
 * the line-numbered ones and a consolidated text, each with the budget users hold it to (the text
 * export's 0.5 s; the whole documents, docx and pdf, the standing 1.5 s). bench/run.mjs and
 * bench/compare-commands.mjs time the same rows.
 */
export const EXPORT_FORMAT_ROWS = [
  { id: 'export-html', label: 'export --format html', args: ['--format', 'html'], ext: 'html', budget: 0.5 },
  { id: 'export-html-lines', label: 'export --format html --line-numbers', args: ['--format', 'html', '--line-numbers'], ext: 'lines.html', budget: 0.5 },
  { id: 'export-md', label: 'export --format md', args: ['--format', 'md'], ext: 'md', budget: 0.5 },
  { id: 'export-json', label: 'export --format json', args: ['--format', 'json'], ext: 'json', budget: 0.5 },
  { id: 'export-akn', label: 'export --format akn', args: ['--format', 'akn'], ext: 'akn.xml', budget: 0.5 },
  { id: 'export-agreed-only', label: 'export --agreed-only', args: ['--agreed-only'], ext: 'agreed.txt', budget: 0.5 },
  { id: 'export-docx-lines', label: 'export --format docx --line-numbers', args: ['--format', 'docx', '--line-numbers'], ext: 'lines.docx', budget: 1.5 },
  { id: 'export-pdf-lines', label: 'export --format pdf --line-numbers', args: ['--format', 'pdf', '--line-numbers'], ext: 'lines.pdf', budget: 1.5 },
];
