/**
 * Kubernetes regex library (kubernetes.regex, every version): `find` and
 * `findAll` with Go regexp (RE2) semantics. `matches` lives in builtins.ts.
 *
 *   "abc 123".find('[0-9]+')            // '123'
 *   "123 abc 456".findAll('[0-9]+', 1)   // ['123']
 */
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from '../errors.js';
import { v, type CelLibrary } from '../library.js';
import { re2, type Re2Pattern } from '../re2.js';

function compiled(pattern: string): Re2Pattern {
  try {
    return re2(pattern);
  } catch (error) {
    throw celError(`Illegal regex: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function find(text: string, pattern: string): string {
  return compiled(pattern).find(text);
}

export function findAll(text: string, pattern: string, limit = -1n): string[] {
  return compiled(pattern).findAll(text, Number(limit));
}

function install(env: Environment): void {
  env
    .registerFunction('string.find(string): string', find)
    .registerFunction('string.findAll(string): list<string>', (s: string, p: string) => findAll(s, p))
    .registerFunction('string.findAll(string, int): list<string>', findAll);
}

export const regexLibrary: CelLibrary = { name: 'kubernetes.regex', since: v(1, 0), install };
