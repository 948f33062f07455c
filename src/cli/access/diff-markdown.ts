/**
 * The access diff as a pull-request comment: a summary line, then per group
 * of clusters with the same changes, per holder, one row per change (verbs
 * on the same target and path folded), escalating gains marked first.
 */
import type { AtomChange, ClusterAccessDiff, HolderChange, MappingChange } from '../../access/diff/index.js';
import { formatHolder } from '../../access/review/index.js';
import type { AccessDiffReport } from './diff.js';
import { foldByText, originText, scopeText } from './format.js';
import { escapeCell } from './review.js';

const MAX_ROWS_PER_HOLDER = 40;

export function diffMarkdown(report: AccessDiffReport, cwd: string): string {
  const { base, head } = report.range;
  const changed = report.diffs.filter((d) => d.status !== 'unchanged');
  const escalations = report.diffs.flatMap((d) => d.escalations);
  const lines = [`## Access changes \`${base}..${head ?? '(working tree)'}\``, ''];
  const unchanged = report.diffs.filter((d) => d.status === 'unchanged').map((d) => d.cluster);
  lines.push(`${changed.length} of ${report.diffs.length} clusters change${escalations.length ? `; **${escalations.length} escalation-relevant gain${escalations.length > 1 ? 's' : ''}** ⚠️` : '; no escalation-relevant gains'}.${unchanged.length ? ` Unchanged: ${unchanged.join(', ')}.` : ''}`, '');
  for (const group of foldByText(changed, (d) => d.cluster, (d) => clusterBody(d, cwd))) {
    const status = changed.find((d) => d.cluster === group.clusters[0])!.status;
    lines.push(`### ${group.clusters.join(', ')}${status === 'added' ? ' (new cluster)' : status === 'removed' ? ' (removed cluster)' : ''}`, '', group.text);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function clusterBody(d: ClusterAccessDiff, cwd: string): string {
  const parts: string[] = [];
  if (d.mappings.length > 0) parts.push(mappingsText(d, cwd));
  for (const h of d.holders) parts.push(holderText(h, cwd));
  return `${parts.join('\n')}\n`;
}

function mappingsText(d: ClusterAccessDiff, cwd: string): string {
  const flagged = (m: MappingChange): string[] => d.escalations.filter((f) => f.holder.kind === 'IAMPrincipal' && f.holder.name === m.mapping.arn && m.change === 'gained').map((f) => f.check);
  const rows = d.mappings.map((m) => {
    const o = m.mapping.object;
    const checks = flagged(m);
    const mark = `${m.change === 'gained' ? '**+**' : '−'}${checks.length ? ` ⚠️ ${checks.map((c) => `\`${c}\``).join(' ')}` : ''}`;
    const what = `${m.mapping.arn} → ${m.mapping.username || '(default username)'}; groups ${m.mapping.groups.join(', ') || '(none)'}${m.mapping.policies.length ? `; policies ${m.mapping.policies.map((p) => p.policyARN.split('/').pop()).join(', ')}` : ''}`;
    return `| ${mark} | ${escapeCell(what)} | ${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}${m.mapping.origin ? ` (\`${originText(m.mapping.origin, cwd)}\`)` : ''} |`;
  });
  return ['**IAM identity mappings**', '', '| | mapping | object |', '|---|---|---|', ...rows, ''].join('\n');
}

interface Row {
  sign: '+' | '−';
  verbs: string[];
  targets: string[];
  scope: string;
  via: string;
  escalations: string[];
}

function holderText(h: HolderChange, cwd: string): string {
  const rows = [...foldRows('+', h.gained, cwd), ...foldRows('−', h.lost, cwd)];
  rows.sort((a, b) => Number(b.escalations.length > 0) - Number(a.escalations.length > 0));
  const shown = rows.slice(0, MAX_ROWS_PER_HOLDER);
  const principals = h.principals.length ? ` ← ${h.principals.join(', ')}` : '';
  const lines = [`**${formatHolder(h.holder)}**${principals}`, '', '| | permission | scope | via |', '|---|---|---|---|'];
  for (const r of shown) {
    const mark = `${r.sign === '+' ? '**+**' : '−'}${r.escalations.length ? ` ⚠️ ${r.escalations.map((c) => `\`${c}\``).join(' ')}` : ''}`;
    lines.push(`| ${mark} | ${escapeCell(`${r.verbs.join(', ')} ${r.targets.join(', ')}`)} | ${scopeText(r.scope)} | ${escapeCell(r.via)} |`);
  }
  if (rows.length > shown.length) lines.push(`| | … ${rows.length - shown.length} more (see --format json) | | |`);
  return `${lines.join('\n')}\n`;
}

/** Atoms → rows: verbs folded per target and path, then targets folded per verb set. */
function foldRows(sign: Row['sign'], changes: readonly AtomChange[], cwd: string): Row[] {
  const byTarget = new Map<string, Row>();
  for (const c of changes) {
    const via = `${c.via}${c.origin ? ` (\`${originText(c.origin, cwd)}\`)` : ''}`;
    const target = targetOf(c);
    const key = [target, c.atom.scope, via, c.escalations.join(',')].join('\u0000');
    const row = byTarget.get(key);
    if (row) row.verbs.push(c.atom.verb);
    else byTarget.set(key, { sign, verbs: [c.atom.verb], targets: [target], scope: c.atom.scope, via, escalations: c.escalations });
  }
  const byVerbs = new Map<string, Row>();
  for (const row of byTarget.values()) {
    row.verbs = [...new Set(row.verbs)].sort();
    const key = [row.verbs.join(','), row.scope, row.via, row.escalations.join(',')].join('\u0000');
    const existing = byVerbs.get(key);
    if (existing) existing.targets.push(...row.targets);
    else byVerbs.set(key, row);
  }
  return [...byVerbs.values()];
}

function targetOf(c: AtomChange): string {
  const a = c.atom;
  if (a.url) return a.url;
  const group = a.apiGroup === '' ? '' : `.${a.apiGroup}`;
  const slash = a.resource.indexOf('/');
  const resource = slash < 0 ? `${a.resource}${group}` : `${a.resource.slice(0, slash)}${group}${a.resource.slice(slash)}`;
  return a.name ? `${resource} [${a.name}]` : resource;
}
