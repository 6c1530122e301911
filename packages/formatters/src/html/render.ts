/**
 * The HTML report: one self-contained page (inline CSS and JS, a Content-Security-Policy that
 * forbids every network request) with a summary by severity and plugin, a sortable and
 * filterable findings table with per-finding details, errors and notices.
 */
import { SEVERITIES, severityRank, type Report, type ReportFinding, type Severity } from '@modelgate/plugin-api';
import { compareStrings, toJsonValue } from '../canonical.js';
import { attributeText, escapeHtml, visibleHtml } from './escape.js';
import { SCRIPT } from './script.js';
import { STYLES } from './styles.js';

/** Options of {@link formatHtml}. */
export interface HtmlOptions {
  /** The page title; default `modelgate report`. */
  title?: string;
}

/** No network, no plugins, no frames: only the inline style and script of the page itself. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function location(finding: ReportFinding): string {
  const { path, member, line, byteOffset } = finding.location;
  let out = visibleHtml(path);
  if (member !== undefined && member !== '') out += ` <span class="tag">member</span> ${visibleHtml(member)}`;
  if (line !== undefined) out += `:${line}`;
  else if (byteOffset !== undefined) out += ` @${byteOffset}`;
  return out;
}

/** Position of each finding when the findings are sorted by `key` (ties share nothing: index breaks them). */
function ranks(findings: readonly ReportFinding[], key: (f: ReportFinding) => string): number[] {
  const order = findings.map((f, i) => ({ k: key(f), i })).sort((a, b) => compareStrings(a.k, b.k) || a.i - b.i);
  const out = new Array<number>(findings.length);
  order.forEach((entry, rank) => (out[entry.i] = rank));
  return out;
}

function padNumber(value: number | undefined): string {
  return String(value ?? 0).padStart(16, '0');
}

function detail(name: string, value: string): string {
  return `<dt>${escapeHtml(name)}</dt><dd>${value}</dd>`;
}

function details(finding: ReportFinding, reportRule: Map<string, { docsUrl?: string; description: string }>): string {
  const { path, member, byteOffset, line, logical } = finding.location;
  const items = [detail('Rule', `<code>${visibleHtml(finding.ruleId)}</code>`)];
  const rule = reportRule.get(finding.ruleId);
  if (rule && rule.description.trim() !== '') items.push(detail('Description', visibleHtml(rule.description)));
  items.push(detail('File', `<code>${visibleHtml(path)}</code>`));
  if (member !== undefined && member !== '') items.push(detail('Archive member', `<code>${visibleHtml(member)}</code>`));
  if (byteOffset !== undefined) items.push(detail('Byte offset', `${byteOffset} (0x${byteOffset.toString(16)})`));
  if (line !== undefined) items.push(detail('Line', String(line)));
  if (logical !== undefined && logical.length > 0) items.push(detail('Logical location', `<code>${visibleHtml(logical.join(' › '))}</code>`));
  items.push(detail('Plugin', visibleHtml(finding.plugin)));
  items.push(detail('Message id', `<code>${visibleHtml(finding.messageId)}</code>`));
  items.push(detail('Fingerprint', `<code>${visibleHtml(finding.fingerprint)}</code>`));
  if (finding.suppressed !== undefined) {
    items.push(detail('Suppressed', `${visibleHtml(finding.suppressed.reason)} <span class="tag">${visibleHtml(finding.suppressed.source)}</span>`));
  }
  const evidence =
    finding.evidence === undefined ? '' : `<pre class="evidence">${JSON.stringify(toJsonValue(finding.evidence), null, 2).split('\n').map(visibleHtml).join('\n')}</pre>`;
  return `<details><summary data-search>${visibleHtml(finding.message)}</summary><dl>${items.join('')}</dl>${evidence}</details>`;
}

function findingRows(report: Report): string {
  const findings = report.findings;
  const byRule = ranks(findings, (f) => f.ruleId);
  const byPlugin = ranks(findings, (f) => f.plugin);
  const byMessage = ranks(findings, (f) => f.message);
  const byLocation = ranks(findings, (f) => [f.location.path, f.location.member ?? '', padNumber(f.location.line), padNumber(f.location.byteOffset)].join('\u0000'));
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  return findings
    .map((finding, i) => {
      const suppressed = finding.suppressed !== undefined;
      const attrs = [
        `class="finding${suppressed ? ' suppressed' : ''}"`,
        `data-index="${i}"`,
        `data-severity="${severityRank(finding.severity)}"`,
        `data-rule="${byRule[i]}"`,
        `data-plugin-rank="${byPlugin[i]}"`,
        `data-message="${byMessage[i]}"`,
        `data-location="${byLocation[i]}"`,
        `data-plugin="${attributeText(finding.plugin)}"`,
        `data-suppressed="${suppressed}"`,
      ].join(' ');
      const mark = suppressed ? ' <span class="tag">suppressed</span>' : '';
      return (
        `<tr ${attrs}>` +
        `<td><span class="sev ${escapeHtml(finding.severity)}">${escapeHtml(finding.severity)}</span>${mark}</td>` +
        `<td data-search><code>${visibleHtml(finding.ruleId)}</code></td>` +
        `<td data-search class="loc">${location(finding)}</td>` +
        `<td>${details(finding, rules)}</td>` +
        `<td data-search>${visibleHtml(finding.plugin)}</td>` +
        '</tr>'
      );
    })
    .join('\n');
}

function summary(report: Report): string {
  const suppressed = report.findings.filter((f) => f.suppressed !== undefined).length;
  const cards = SEVERITIES.map(
    (s) => `<div class="card ${s}"><b>${report.summary.bySeverity[s] ?? 0}</b>${s}</div>`,
  ).join('');
  const plugins = new Map<string, { counts: Record<Severity, number>; suppressed: number }>();
  for (const finding of report.findings) {
    const entry = plugins.get(finding.plugin) ?? { counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 }, suppressed: 0 };
    if (finding.suppressed === undefined) entry.counts[finding.severity]++;
    else entry.suppressed++;
    plugins.set(finding.plugin, entry);
  }
  const rows = [...plugins.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, entry]) => `<tr><td>${visibleHtml(name)}</td>${SEVERITIES.map((s) => `<td class="n">${entry.counts[s]}</td>`).join('')}<td class="n">${entry.suppressed}</td></tr>`)
    .join('');
  const byPlugin =
    plugins.size === 0
      ? ''
      : `<h3>By plugin</h3><table class="compact" id="by-plugin"><thead><tr><th>Plugin</th>${SEVERITIES.map((s) => `<th>${s}</th>`).join('')}<th>suppressed</th></tr></thead><tbody>${rows}</tbody></table>`;
  const { scanned, skipped, errored } = report.summary.files;
  return (
    `<section id="summary"><h2>Summary</h2><div class="cards">${cards}<div class="card"><b>${suppressed}</b>suppressed</div></div>` +
    `<p class="meta">Files: ${scanned} scanned, ${skipped} skipped, ${errored} errored.</p>${byPlugin}</section>`
  );
}

function controls(report: Report): string {
  const plugins = [...new Set(report.findings.map((f) => f.plugin))].sort(compareStrings);
  const severityOptions = SEVERITIES.map(
    (s, rank) => `<option value="${rank}"${s === 'info' ? ' selected' : ''}>${s === 'info' ? 'all severities' : `${s} and above`}</option>`,
  ).join('');
  const pluginOptions = ['<option value="">all plugins</option>', ...plugins.map((p) => `<option value="${attributeText(p)}">${visibleHtml(p)}</option>`)].join('');
  return (
    '<div class="controls">' +
    '<input type="search" id="filter-text" placeholder="Filter by rule, file, message, plugin" aria-label="Filter findings">' +
    `<select id="filter-severity" aria-label="Minimum severity">${severityOptions}</select>` +
    `<select id="filter-plugin" aria-label="Plugin">${pluginOptions}</select>` +
    '<label><input type="checkbox" id="filter-suppressed" checked> show suppressed</label>' +
    `<span id="shown-count">${report.findings.length} of ${report.findings.length} findings shown</span>` +
    '</div>'
  );
}

function findingsSection(report: Report): string {
  if (report.findings.length === 0) return '<section id="findings-section"><h2>Findings</h2><p class="empty">No findings.</p></section>';
  const header = (key: string, label: string) => `<th data-sort="${key}" aria-sort="none"><button type="button">${label}</button></th>`;
  return (
    `<section id="findings-section"><h2>Findings (${report.findings.length})</h2>${controls(report)}` +
    `<table id="findings"><thead><tr>${header('severity', 'Severity')}${header('rule', 'Rule')}${header('location', 'Location')}${header('message', 'Message')}${header('plugin-rank', 'Plugin')}</tr></thead>` +
    `<tbody>\n${findingRows(report)}\n</tbody></table></section>`
  );
}

function errorsSection(report: Report): string {
  if (report.errors.length === 0) return '';
  const rows = report.errors
    .map((e) => {
      const where = e.member ? `${visibleHtml(e.path)} <span class="tag">member</span> ${visibleHtml(e.member)}` : visibleHtml(e.path || '-');
      return `<tr><td class="loc">${where}</td><td><code>${visibleHtml(e.code)}</code></td><td>${visibleHtml(e.message)}</td></tr>`;
    })
    .join('');
  return `<section id="errors"><h2>Errors (${report.errors.length})</h2><table><thead><tr><th>Location</th><th>Code</th><th>Message</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function noticesSection(report: Report): string {
  const notices = report.notices ?? [];
  if (notices.length === 0) return '';
  const items = notices
    .map((n) => {
      const where = n.source === undefined ? '' : ` <span class="tag">${visibleHtml(n.source)}${n.line === undefined ? '' : `:${n.line}`}</span>`;
      return `<li class="notice ${n.level === 'warning' ? 'warning' : 'info'}"><code>${visibleHtml(n.code)}</code> ${visibleHtml(n.message)}${where}</li>`;
    })
    .join('');
  return `<section id="notices"><h2>Notices (${notices.length})</h2><ul>${items}</ul></section>`;
}

function header(report: Report, title: string): string {
  const plugins = report.tool.plugins.map((p) => `${visibleHtml(p.name)} ${visibleHtml(p.version)}`).join(', ');
  const incomplete = report.run.complete
    ? ''
    : `<p class="incomplete"><b>Scan incomplete:</b> ${report.errors.length} error(s); some content was not scanned, so a clean result is not proof of safety.</p>`;
  return (
    `<header><h1>${escapeHtml(title)}</h1>` +
    `<p class="meta">modelgate ${visibleHtml(report.tool.version)} · started ${visibleHtml(report.run.startedAt)} · ${report.run.durationMs} ms · ` +
    `targets <code>${report.run.targets.map(visibleHtml).join(' ')}</code></p>` +
    (plugins === '' ? '' : `<p class="meta">Plugins: ${plugins}</p>`) +
    `${incomplete}</header>`
  );
}

/**
 * Formats a report as one self-contained HTML page. Deterministic, and safe for hostile reports:
 * every string from the report is escaped (invisible characters shown as marked escapes), no
 * report data is ever placed inside the script, and the page's Content-Security-Policy allows
 * no request of any kind. The scan root (an absolute local path) is not included.
 *
 * @param report - the report; not modified.
 * @param options - see {@link HtmlOptions}.
 * @returns the HTML text, ending with a newline.
 */
export function formatHtml(report: Report, options: HtmlOptions = {}): string {
  const title = options.title ?? 'modelgate report';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    header(report, title),
    '<main>',
    summary(report),
    noticesSection(report),
    findingsSection(report),
    errorsSection(report),
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
