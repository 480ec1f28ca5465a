/**
 * Problems are data: a code, a message and, where there is one, a place.
 * The core returns these; only the CLI decides how to show them and which exit code follows.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable machine-readable code, e.g. `UNCLOSED_BRACKET`, `SCHEMA`, `DUPLICATE_NUMBER`. */
  code: string;
  severity: Severity;
  message: string;
  /** Absolute path of the file the problem is in, when it is in a file. */
  file?: string;
  /** 1-based line and column. */
  line?: number;
  column?: number;
  /** The text of that line, so a caret can be drawn under the column. */
  sourceLine?: string;
}

/** How a failure maps to an exit code: `input` (1) the input or the draft is wrong, `usage` (2) the call is wrong. */
export type FailureKind = 'input' | 'usage';

/** The one error type the core throws. It carries diagnostics so the CLI can print every problem, not just the first. */
export class NdraftError extends Error {
  readonly kind: FailureKind;
  readonly diagnostics: Diagnostic[];

  constructor(kind: FailureKind, message: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'NdraftError';
    this.kind = kind;
    this.diagnostics = diagnostics;
  }
}

export function inputError(message: string, diagnostics: Diagnostic[] = []): NdraftError {
  return new NdraftError('input', message, diagnostics);
}

export function usageError(message: string): NdraftError {
  return new NdraftError('usage', message);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
