/**
 * Errors raised by library functions during evaluation. The runtime treats
 * its own EvaluationError as a CEL error value (absorbed by `||`, `&&`,
 * `exists`, optional selection), so library code must throw that type too.
 */
import { EvaluationError } from '@marcbachmann/cel-js';

export function celError(message: string): EvaluationError {
  return new EvaluationError(message);
}

/** Message of anything thrown, without the runtime's source-frame decoration. */
export function errorSummary(error: unknown): string {
  if (error instanceof Error) {
    const summary = (error as { summary?: unknown }).summary;
    const text = typeof summary === 'string' && summary !== '' ? summary : error.message;
    return restoreNames(text.split('\n')[0] ?? text);
  }
  return String(error);
}

/** Internal replacement functions (see ast.ts) carry a prefix; users should see the name they wrote. */
export function restoreNames(text: string): string {
  return text.replace(/\bk8s_(\w+)/g, '$1');
}
