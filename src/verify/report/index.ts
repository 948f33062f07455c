/** Report formats for `harbormaster verify`. */
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import type { VerifyReport } from './model.js';
import { renderSarif } from './sarif.js';
import { renderTable } from './table.js';

export const OUTPUT_FORMATS = ['table', 'json', 'sarif', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function renderReport(report: VerifyReport, format: OutputFormat, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'junit':
      return renderJunit(report);
    default:
      return renderTable(report, options);
  }
}

export { ruleCatalog, rulesMarkdown, type RuleInfo } from './catalog.js';
export { JSON_SCHEMA_VERSION, renderJson } from './json.js';
export { renderJunit } from './junit.js';
export {
  apiVersionOf,
  countBySeverity,
  relativePath,
  reportFromFleet,
  reportFromResult,
  resourceLabel,
  type ReportContext,
  type VerifyReport,
  type WaiverState,
  type WaiverStatus,
} from './model.js';
export { fingerprint, renderSarif, SARIF_SCHEMA } from './sarif.js';
export { renderTable, type TableOptions } from './table.js';
