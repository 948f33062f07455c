import { posix } from 'node:path';
import { diag, type Diagnostic } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import type { FileSystem } from '../fs/filesystem.js';
import type { DocChecker, YamlPath } from './checker.js';
import { EstateCode } from './codes.js';
import { didYouMean } from './suggest.js';
import type { AddonKind, AddonVersion } from './types.js';
import { parseFile } from './yaml-file.js';

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** One `addon: version` pin somewhere in harbormaster.yaml. */
export interface AddonPin {
  addon: string;
  version: string;
  path: YamlPath;
}

/**
 * Checks that every pinned version exists as addons/<addon>/<version> with a
 * kustomization file, and records whether it is a Kustomization or a Component.
 */
export function loadAddons(fs: FileSystem, estateDir: string, pins: AddonPin[], c: DocChecker, problems: Diagnostic[]): Map<string, AddonVersion> {
  const found = new Map<string, AddonVersion>();
  const checked = new Set<string>();
  for (const pin of pins) {
    const key = `${pin.addon}/${pin.version}`;
    const dir = posix.join(estateDir, 'addons', pin.addon, pin.version);
    if (!fs.isDirectory(dir)) {
      // Reported at every place that pins it, so each can be fixed.
      reportMissing(fs, estateDir, pin, c);
      continue;
    }
    if (checked.has(key)) continue;
    checked.add(key);
    const kind = detectKind(fs, dir, problems);
    if (kind) found.set(key, { addon: pin.addon, version: pin.version, dir, kind });
  }
  return found;
}

function reportMissing(fs: FileSystem, estateDir: string, pin: AddonPin, c: DocChecker): void {
  const addonDir = posix.join(estateDir, 'addons', pin.addon);
  const addonsDir = posix.join(estateDir, 'addons');
  if (!fs.isDirectory(addonDir)) {
    const known = fs.isDirectory(addonsDir) ? fs.readDir(addonsDir) : [];
    c.report(EstateCode.AddonNotFound, `addon ${pin.addon} not found: no directory addons/${pin.addon}`, pin.path, didYouMean(pin.addon, known));
    return;
  }
  const versions = fs.readDir(addonDir).filter((v) => fs.isDirectory(posix.join(addonDir, v)));
  const hint = didYouMean(pin.version, versions) ?? (versions.length ? `available versions: ${versions.join(', ')}` : undefined);
  c.report(EstateCode.AddonNotFound, `addon ${pin.addon} has no version ${pin.version}: no directory addons/${pin.addon}/${pin.version}`, pin.path, hint);
}

/** Kustomization unless the kustomization file says `kind: Component`. */
function detectKind(fs: FileSystem, dir: string, problems: Diagnostic[]): AddonKind | undefined {
  const files = KUSTOMIZATION_FILES.map((f) => posix.join(dir, f)).filter((f) => fs.isFile(f));
  if (files.length !== 1) {
    const message = files.length === 0 ? 'has no kustomization.yaml' : 'has more than one kustomization file';
    problems.push(diag(EstateCode.AddonInvalid, `addon directory ${message}`, { file: dir }));
    return undefined;
  }
  const file = files[0]!;
  const docs = parseFile(fs, file, problems);
  if (!docs) return undefined;
  const value = docs[0]?.value;
  const kind = isObject(value ?? null) ? (value as { kind?: unknown }).kind : undefined;
  if (kind === undefined || kind === 'Kustomization') return 'Kustomization';
  if (kind === 'Component') return 'Component';
  const line = docs[0]?.locate(['kind'])?.line ?? 1;
  problems.push(diag(EstateCode.AddonInvalid, `kind should be Kustomization or Component, found ${JSON.stringify(kind)}`, { file, line, yamlPath: 'kind' }));
  return undefined;
}
