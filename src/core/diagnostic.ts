/**
 * Every problem Harbormaster reports is a Diagnostic: a stable code, a
 * location (file plus line:column and/or YAML path) and, where it helps, a hint.
 * Stages collect diagnostics and fail once with all of them.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface SourceLocation {
  file: string;
  /** 1-based; 0 or undefined when unknown. */
  line?: number;
  column?: number;
  /** Dotted/indexed path inside the document, e.g. `spec.template.spec.containers[0].image`. */
  yamlPath?: string;
}

export interface Diagnostic extends Partial<SourceLocation> {
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
}

export function diag(code: string, message: string, where: Partial<SourceLocation> = {}, hint?: string): Diagnostic {
  const d: Diagnostic = { code, severity: 'error', message, ...where };
  if (hint !== undefined) d.hint = hint;
  return d;
}

export function warning(code: string, message: string, where: Partial<SourceLocation> = {}, hint?: string): Diagnostic {
  return { ...diag(code, message, where, hint), severity: 'warning' };
}

/** Thrown when a stage cannot go on; carries every diagnostic collected so far. */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
  get code(): string {
    return this.diagnostics[0]?.code ?? 'UNKNOWN';
  }
}

export function fail(code: string, message: string, where: Partial<SourceLocation> = {}, hint?: string): never {
  throw new DiagnosticError([diag(code, message, where, hint)]);
}

/** `file:line:col: error CODE: message (at path)\n  hint: …` */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file ?? '';
  if (d.file && d.line) where += `:${d.line}${d.column ? `:${d.column}` : ''}`;
  const path = d.yamlPath ? ` (at ${d.yamlPath})` : '';
  const head = `${where ? `${where}: ` : ''}${d.severity} ${d.code}: ${d.message}${path}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}
