/**
 * Estate-wide verify settings, kept in `policies/` beside the waivers: the
 * registries images may come from, and the Pod Security policy for
 * namespaces that carry no enforce label.
 *
 *   apiVersion: harbormaster.dev/v1alpha1
 *   kind: VerifySettings
 *   spec:
 *     allowedRegistries: [ghcr.io/acme, registry.k8s.io]
 *     podSecurity: { level: baseline, version: latest }
 */
import { diag, type Diagnostic } from '../../core/diagnostic.js';
import { isArray, isObject, type JsonValue } from '../../core/json.js';
import type { ParsedDocument } from '../../yaml/parse.js';
import { parseLevel, parseVersion, type PodSecurityPolicy } from '../pss/policy.js';
import { WAIVERS_API_VERSION } from './parse.js';

export const SETTINGS_KIND = 'VerifySettings';
export const SettingsCode = { Invalid: 'VERIFY_SETTINGS_INVALID' } as const;

export interface VerifySettings {
  allowedRegistries?: string[];
  podSecurity?: PodSecurityPolicy;
}

/** The settings of every `kind: VerifySettings` document (later documents override earlier ones). */
export function parseVerifySettings(file: string, docs: readonly ParsedDocument[]): { settings: VerifySettings; diagnostics: Diagnostic[] } {
  const settings: VerifySettings = {};
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    if (!isObject(doc.value) || doc.value.kind !== SETTINGS_KIND) continue;
    const problem = (message: string, path: (string | number)[]): void => {
      const pos = doc.locate(path) ?? { line: doc.line, column: 1 };
      diagnostics.push(diag(SettingsCode.Invalid, message, { file, ...pos, yamlPath: path.join('.') }));
    };
    if (doc.value.apiVersion !== WAIVERS_API_VERSION) problem(`apiVersion must be ${WAIVERS_API_VERSION}`, ['apiVersion']);
    const spec = doc.value.spec;
    if (!isObject(spec)) {
      problem('spec must be a map', ['spec']);
      continue;
    }
    for (const key of Object.keys(spec)) if (key !== 'allowedRegistries' && key !== 'podSecurity') problem(`unknown field ${key}`, ['spec', key]);
    if (spec.allowedRegistries !== undefined) {
      const registries = strings(spec.allowedRegistries);
      if (registries) settings.allowedRegistries = registries;
      else problem('allowedRegistries must be a list of registry hosts or host/path prefixes', ['spec', 'allowedRegistries']);
    }
    if (spec.podSecurity !== undefined) {
      const policy = podSecurity(spec.podSecurity);
      if (policy) settings.podSecurity = policy;
      else problem('podSecurity must be { level: privileged|baseline|restricted, version: latest|v1.N }', ['spec', 'podSecurity']);
    }
  }
  return { settings, diagnostics };
}

function strings(value: JsonValue): string[] | undefined {
  return isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '') ? (value as string[]) : undefined;
}

function podSecurity(value: JsonValue): PodSecurityPolicy | undefined {
  if (!isObject(value) || Object.keys(value).some((k) => k !== 'level' && k !== 'version')) return undefined;
  const level = parseLevel(String(value.level ?? 'baseline'));
  const version = parseVersion(String(value.version ?? 'latest'));
  return level && version !== undefined ? { level, version } : undefined;
}
