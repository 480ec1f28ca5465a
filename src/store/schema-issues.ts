import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { YamlFile } from './yaml-file.js';

/**
 * Checks a parsed YAML value against a schema and turns each issue into a placed diagnostic.
 * `migrate` first brings a file written by an earlier ndraft into today's shape.
 */
export function checkSchema<T extends z.ZodType>(
  schema: T,
  yaml: YamlFile,
  migrate: (value: unknown) => unknown = (value) => value,
): { value?: z.output<T>; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(migrate(yaml.value), { reportInput: true });
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue): Diagnostic => {
    const where = issue.code === 'unrecognized_keys' ? yaml.locateKey([...issue.path, issue.keys[0] ?? '']) : yaml.locate(issue.path);
    return { code: 'SCHEMA', severity: 'error', message: describeIssue(issue), file: yaml.file, ...where };
  });
  return { diagnostics };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  const subject = where === '' ? 'the file' : where;
  switch (issue.code) {
    case 'invalid_value':
      if (issue.input === undefined) return `${subject} is required: one of ${issue.values.map(String).join(', ')}`;
      return `${subject} must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      if (issue.input === undefined) return `${subject} is required (${issue.expected})`;
      if (issue.expected === 'string' && typeof issue.input === 'number') {
        return `${subject} must be text: write it in quotes, "${String(issue.input)}"`;
      }
      return `${subject} must be ${article(issue.expected)}, not ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}${where ? ` in ${where}` : ''}`;
    case 'too_small':
      if (issue.origin === 'string') return `${subject} must not be empty`;
      return `${subject} must have at least ${String(issue.minimum)} entries`;
    case 'invalid_format':
      return `${subject}: ${issue.message}`;
    case 'invalid_union':
      if (typeof issue.input === 'number') return `${subject} must be a paragraph number in quotes, "${String(issue.input)}"`;
      return `${subject} must be a paragraph number in quotes or an option block ({block, options})`;
    default:
      return `${subject}: ${issue.message}`;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping';
  if (expected === 'boolean') return 'true or false';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}
