import { posix } from 'node:path';
import { DiagnosticError, diag, type Diagnostic } from '../core/diagnostic.js';
import { isObject, type JsonObject } from '../core/json.js';
import type { FileSystem } from '../fs/filesystem.js';
import { toClusters, toDefaults, toLayers } from './build.js';
import { DocChecker } from './checker.js';
import { EstateCode } from './codes.js';
import { addonPins, crossCheck } from './cross-check.js';
import { loadAddons } from './load-addons.js';
import { loadReserved } from './load-reserved.js';
import { loadAccess } from './load-teams.js';
import { loadServices } from './load-services.js';
import { readRolloutConfig } from './rollout-config.js';
import { estateShape, estateSpecShape } from './schema.js';
import { INVALID, readShape } from './shape.js';
import type { Estate } from './types.js';
import { singleDocument } from './yaml-file.js';

export const ESTATE_FILE = 'harbormaster.yaml';

/**
 * Loads and validates an estate directory. Every problem in every file is
 * collected first; if there is any, one DiagnosticError lists them all.
 */
export interface LoadOptions {
  /** The clock break-glass expiries are judged against; now by default. */
  now?: Date;
}

export function loadEstate(fs: FileSystem, dir: string, options: LoadOptions = {}): Estate {
  const estateDir = posix.resolve(dir);
  const file = posix.join(estateDir, ESTATE_FILE);
  if (!fs.isFile(file)) {
    throw new DiagnosticError([diag(EstateCode.NoEstateFile, `no ${ESTATE_FILE} in ${estateDir}`, { file }, 'pass the estate directory with --estate DIR')]);
  }
  const problems: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const { services, names } = loadServices(fs, estateDir, problems);
  const reserved = loadReserved(fs, estateDir, problems);
  const doc = singleDocument(fs, file, problems);
  if (!doc) throw new DiagnosticError(problems);

  const c = new DocChecker(file, doc, problems);
  const header = readShape(doc.value, estateShape, [], c);
  const written = isObject(doc.value) ? doc.value.spec : undefined;
  const read = written == null ? INVALID : readShape(written, estateSpecShape, ['spec'], c);
  const spec = read === INVALID ? {} : (read as JsonObject);
  crossCheck(spec, c, names, warnings);
  const rollout = readRolloutConfig(spec, c);
  const addons = loadAddons(fs, estateDir, addonPins(spec), c, problems);
  const { teams, access } = loadAccess({ spec, c, teamFiles: reserved.teams ?? [], services, serviceNames: names, problems, warnings, now: options.now ?? new Date() });
  if (problems.length > 0 || header === INVALID || read === INVALID) throw new DiagnosticError(sortProblems(problems));

  return {
    dir: estateDir,
    file,
    document: doc,
    name: ((header as JsonObject).metadata as JsonObject).name as string,
    defaults: toDefaults(spec.defaults as JsonObject | undefined),
    environments: toLayers(spec.environments as JsonObject | undefined),
    regions: toLayers(spec.regions as JsonObject | undefined),
    clusters: toClusters(spec),
    services,
    addons,
    reserved,
    teams,
    ...(access ? { access } : {}),
    rollout,
    warnings,
  };
}

/** Files in path order, then by position, so the report reads top to bottom. */
function sortProblems(problems: Diagnostic[]): Diagnostic[] {
  return [...problems].sort(
    (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
