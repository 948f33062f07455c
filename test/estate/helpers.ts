import { fileURLToPath } from 'node:url';
import { DiagnosticError, type Diagnostic } from '../../src/core/diagnostic.js';
import { MemoryFileSystem } from '../../src/fs/memory.js';
import { loadEstate } from '../../src/estate/load.js';

/** Source fixtures (tests run from dist/, fixtures stay in the source tree). */
export const FIXTURES = fileURLToPath(new URL('../../../test/estate/fixtures/', import.meta.url));

export const ESTATE_YAML = `apiVersion: harbormaster.dev/v1alpha1
kind: Estate
metadata:
  name: acme
spec:
  defaults:
    kubernetesVersion: "1.30"
    addons:
      cert-manager: v1.15.3
  environments:
    production: {}
    staging: {}
  regions:
    eu-west-1: {}
  clusters:
    - name: prod-eu-west-1
      region: eu-west-1
      environment: production
      wave: 1
      connection:
        sim: {}
    - name: staging-eu-west-1
      region: eu-west-1
      environment: staging
      wave: 0
      connection:
        context: staging
`;

export const SERVICE_YAML = `apiVersion: harbormaster.dev/v1alpha1
kind: Service
metadata:
  name: auth-api
spec:
  owner: identity
  tier: critical
  description: Verifies second-factor responses.
  namespace: auth
`;

/** A small valid estate in memory at /estate; `files` replaces (or, with null, removes) files by relative path. */
export function memoryEstate(files: Record<string, string | null> = {}): MemoryFileSystem {
  const all: Record<string, string | null> = {
    'harbormaster.yaml': ESTATE_YAML,
    'services/auth-api/service.yaml': SERVICE_YAML,
    'services/auth-api/base/kustomization.yaml': 'resources: []\n',
    'addons/cert-manager/v1.15.3/kustomization.yaml': 'resources: []\n',
    ...files,
  };
  const fs = new MemoryFileSystem();
  for (const [path, text] of Object.entries(all)) if (text !== null) fs.write(`/estate/${path}`, text);
  return fs;
}

/** The diagnostics a load fails with ([] if it succeeds). */
export function loadProblems(fs: MemoryFileSystem): Diagnostic[] {
  try {
    loadEstate(fs, '/estate');
    return [];
  } catch (err) {
    if (err instanceof DiagnosticError) return err.diagnostics;
    throw err;
  }
}

/** 1-based line of the first line containing `marker`. */
export function lineOf(text: string, marker: string, after = ''): number {
  const lines = text.split('\n');
  const start = after ? lines.findIndex((l) => l.includes(after)) : 0;
  const i = lines.findIndex((l, n) => n >= start && l.includes(marker));
  if (i < 0) throw new Error(`marker not found: ${marker}`);
  return i + 1;
}

/** Replaces exactly one occurrence (fails loudly if the fixture drifted). */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`edit target must occur once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export function codes(problems: Diagnostic[]): string[] {
  return problems.map((p) => p.code);
}
