/**
 * A CEL environment for one Kubernetes version: the runtime configured as
 * the apiserver configures cel-go (homogeneous aggregate literals; optional
 * types from 1.28), the libraries of that version, and the variables the
 * caller declares. Expressions compile once into programs; environments
 * are cached per version and variable set.
 */
import { Environment, ParseError } from '@marcbachmann/cel-js';
import { fieldsSelectedOn, prepareAst } from './ast.js';
import { errorSummary } from './errors.js';
import type { CelLibrary } from './library.js';
import { librariesFor } from './libraries.js';
import { compareKubeVersions, formatKubeVersion, kubeVersionOr, type KubeVersion } from './version.js';

export interface CelEnvironmentOptions {
  /** `1.30`, `v1.30.2`; unset or unparsable means the newest modelled version. */
  kubernetesVersion?: string;
  /** Variables, by name, with their CEL type (`dyn` unless said otherwise). */
  variables: Readonly<Record<string, string>>;
  /** The apiserver requires list and map literals of one type; the CEL spec does not. Default true. */
  homogeneousAggregateLiterals?: boolean;
  /** Replaces the version's library set (tests, or a wider environment than Kubernetes'). */
  libraries?: readonly CelLibrary[];
}

export interface CelProgram {
  readonly expression: string;
  /** Evaluates with the given variable values; throws on a CEL error. */
  evaluate(activation: Readonly<Record<string, unknown>>): unknown;
  /** Fields the expression selects on a variable, e.g. `variables` → the variable names it reads. */
  fieldsSelectedOn(variable: string): string[];
}

export type CompileResult =
  | { ok: true; program: CelProgram }
  | { ok: false; message: string; /** 1-based column in the expression, when known. */ column?: number };

const AT_LEAST = (v: KubeVersion, major: number, minor: number) => compareKubeVersions(v, { major, minor }) >= 0;

export class CelEnvironment {
  readonly version: KubeVersion;
  readonly libraryNames: readonly string[];
  private readonly env: Environment;
  private readonly validateRegexLiterals: boolean;

  constructor(options: CelEnvironmentOptions) {
    this.version = kubeVersionOr(options.kubernetesVersion);
    const libraries = options.libraries ?? librariesFor(this.version);
    this.libraryNames = libraries.map((l) => l.name);
    this.validateRegexLiterals = AT_LEAST(this.version, 1, 29);
    this.env = new Environment({
      unlistedVariablesAreDyn: false,
      homogeneousAggregateLiterals: options.homogeneousAggregateLiterals ?? true,
      enableOptionalTypes: options.libraries ? true : AT_LEAST(this.version, 1, 28),
    });
    for (const lib of libraries) lib.install(this.env);
    for (const [name, type] of Object.entries(options.variables)) this.env.registerVariable(name, type);
  }

  compile(expression: string): CompileResult {
    let parsed: ReturnType<Environment['parse']>;
    try {
      parsed = this.env.parse(expression);
    } catch (error) {
      return failure(error);
    }
    try {
      const problems = prepareAst(parsed.ast, { validateRegexLiterals: this.validateRegexLiterals });
      if (problems.length > 0) return { ok: false, message: problems.join('; ') };
    } catch (error) {
      return failure(error);
    }
    const checked = parsed.check();
    if (!checked.valid) return failure(checked.error);
    return {
      ok: true,
      program: {
        expression,
        evaluate: (activation) => parsed(activation as Record<string, unknown>),
        fieldsSelectedOn: (variable) => fieldsSelectedOn(parsed.ast, variable),
      },
    };
  }
}

function failure(error: unknown): CompileResult {
  const range = (error as { range?: { start: number } } | undefined)?.range;
  const message = errorSummary(error);
  const kind = error instanceof ParseError ? 'syntax error' : 'type error';
  return range ? { ok: false, message: `${kind}: ${message}`, column: range.start + 1 } : { ok: false, message: `${kind}: ${message}` };
}

const cache = new Map<string, CelEnvironment>();

/** A shared environment for this version and variable set (libraries option bypasses the cache). */
export function celEnvironment(options: CelEnvironmentOptions): CelEnvironment {
  if (options.libraries) return new CelEnvironment(options);
  const version = formatKubeVersion(kubeVersionOr(options.kubernetesVersion));
  const key = `${version}|${options.homogeneousAggregateLiterals ?? true}|${Object.entries(options.variables).map(([k, t]) => `${k}:${t}`).sort().join(',')}`;
  let env = cache.get(key);
  if (!env) {
    env = new CelEnvironment(options);
    cache.set(key, env);
  }
  return env;
}
