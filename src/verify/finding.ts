/**
 * The Finding: what every verify rule reports. It names the rule, how bad it
 * is, the object (by id) and the field inside it, says what is wrong and how
 * to fix it, and points at the source that produced the object.
 */
import type { Severity } from '../core/diagnostic.js';
import type { Resource } from '../core/resource.js';
import type { ResourceId } from '../core/resource-id.js';

export type { Severity } from '../core/diagnostic.js';

/** One step of a path inside an object: a map key or a list index. */
export type PathSegment = string | number;
export type FieldPath = readonly PathSegment[];

export interface FindingSource {
  file: string;
  /** 1-based; 0 when unknown. */
  line: number;
  /** 1-based; absent when unknown. */
  column?: number;
}

export interface Finding {
  /** Stable id of the rule, e.g. `pod-security/privileged`. */
  ruleId: string;
  severity: Severity;
  /** Coarse grouping for reports and filters, e.g. `pod-security`. */
  category: string;
  resource: ResourceId;
  /** yamlPath form: `spec.containers[0].securityContext.privileged`. */
  fieldPath: string;
  /** The same path as segments, so later stages can locate the exact line. */
  path: FieldPath;
  message: string;
  /** What to change to make the finding go away. */
  remediation: string;
  /** Where the object came from; later stages may refine it to the exact patch line. */
  source: FindingSource;
}

export interface FindingInit {
  ruleId: string;
  severity: Severity;
  category: string;
  path: FieldPath;
  message: string;
  remediation: string;
}

/** Builds a Finding for `resource`, taking id and source location from the resource itself. */
export function findingFor(resource: Resource, init: FindingInit): Finding {
  return {
    ruleId: init.ruleId,
    severity: init.severity,
    category: init.category,
    resource: resource.id,
    fieldPath: formatFieldPath(init.path),
    path: init.path,
    message: init.message,
    remediation: init.remediation,
    source: { file: resource.origin.file, line: resource.origin.line },
  };
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `spec.containers[0].name`; keys that are not plain identifiers are bracketed: `annotations["a.io/b"]`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable report order: by source file and line, then severity, rule and field. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.source.file.localeCompare(b.source.file) ||
    a.source.line - b.source.line ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.fieldPath.localeCompare(b.fieldPath)
  );
}
