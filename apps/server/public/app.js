/* global document, location, Node */
// modelgate dashboard. Plain browser JavaScript, no build step. Everything from the API is
// untrusted (file names come from uploads and archives): it is only ever set with textContent.
const TOKEN_KEY = 'modelgate-token';
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
const FINAL = new Set(['done', 'failed', 'cancelled']);
const PAGE_SIZE = 25;

const $ = (selector) => document.querySelector(selector);

/** A new element with text content (never HTML) and optional class. */
function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function showError(message) {
  const box = $('#error');
  box.textContent = message;
  box.hidden = !message;
}

class Unauthorized extends Error {}

async function api(path, { raw = false } = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) throw new Unauthorized('no token');
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 401 || response.status === 403) {
    const body = await response.json().catch(() => ({}));
    throw new Unauthorized(body.message || `HTTP ${response.status}`);
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.message || `HTTP ${response.status}`);
  }
  return raw ? response : response.json();
}

function severityBadge(severity) {
  if (!severity) return el('span', 'none', 'sev sev-none');
  const safe = SEVERITIES.includes(severity) ? severity : 'none';
  return el('span', severity, `sev sev-${safe}`);
}

function statusBadge(status) {
  return el('span', status, `status status-${['queued', 'running', 'done', 'failed', 'cancelled'].includes(status) ? status : 'unknown'}`);
}

function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
}

function formatProgress(scan) {
  const { filesDone, totalFiles } = scan.progress ?? {};
  if (totalFiles === null || totalFiles === undefined) return FINAL.has(scan.status) ? '' : '…';
  return `${filesDone}/${totalFiles}`;
}

function scanHref(id) {
  return `/scans/${encodeURIComponent(id)}`;
}

// ---- list page ------------------------------------------------------------------------------

let offset = 0;

async function renderList() {
  const status = $('#status-filter').value;
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (status) query.set('status', status);
  const page = await api(`/v1/scans?${query}`);
  const body = $('#scans tbody');
  body.replaceChildren(
    ...page.scans.map((scan) => {
      const row = el('tr');
      row.dataset.scanId = scan.id;
      row.dataset.status = scan.status;
      const link = el('a', scan.name);
      link.href = scanHref(scan.id);
      const name = el('td');
      name.append(link, el('div', scan.source === 'upload' ? 'upload' : 'path', 'muted small'));
      const worst = el('td');
      worst.append(scan.status === 'done' || scan.summary ? severityBadge(scan.worstSeverity) : el('span', '–', 'muted'));
      const state = el('td');
      state.append(statusBadge(scan.status));
      row.append(name, state, worst, el('td', scan.summary ? scan.summary.findings : ''), el('td', formatProgress(scan)), el('td', formatTime(scan.createdAt)));
      return row;
    }),
  );
  $('#empty').hidden = page.scans.length > 0;
  $('#total').textContent = `${page.total} scan${page.total === 1 ? '' : 's'}`;
  $('#newer').disabled = offset === 0;
  $('#older').disabled = !page.next;
}

function startList() {
  $('#status-filter').addEventListener('change', () => {
    offset = 0;
    refresh();
  });
  $('#newer').addEventListener('click', () => {
    offset = Math.max(0, offset - PAGE_SIZE);
    refresh();
  });
  $('#older').addEventListener('click', () => {
    offset += PAGE_SIZE;
    refresh();
  });
  return renderList;
}

// ---- scan page ------------------------------------------------------------------------------

function scanIdFromUrl() {
  const match = /^\/scans\/([^/]+)$/.exec(location.pathname);
  return match ? decodeURIComponent(match[1]) : '';
}

function fact(list, term, value) {
  if (value === null || value === undefined || value === '') return;
  const wrap = el('div');
  const dd = el('dd');
  if (value instanceof Node) dd.append(value);
  else dd.textContent = String(value);
  wrap.append(el('dt', term), dd);
  list.append(wrap);
}

let reportLoaded = false;

async function renderScan() {
  const id = scanIdFromUrl();
  const scan = await api(`/v1/scans/${encodeURIComponent(id)}`);
  document.title = `modelgate · ${scan.name}`;
  $('#scan-name').textContent = scan.name;
  const facts = $('#scan-facts');
  facts.replaceChildren();
  fact(facts, 'Status', statusBadge(scan.status));
  fact(facts, 'Worst severity', FINAL.has(scan.status) ? severityBadge(scan.worstSeverity) : '–');
  fact(facts, 'Files', formatProgress(scan));
  fact(facts, 'Source', scan.source);
  fact(facts, 'Created', formatTime(scan.createdAt));
  fact(facts, 'Finished', formatTime(scan.finishedAt));
  if (scan.durationMs !== null) fact(facts, 'Duration', `${(scan.durationMs / 1000).toFixed(1)} s`);
  if (scan.complete === false) fact(facts, 'Complete', 'no: some files errored or hit a limit');
  if (scan.attempts > 1) fact(facts, 'Attempts', scan.attempts);
  fact(facts, 'Note', scan.note);
  const errorBox = $('#scan-error');
  errorBox.textContent = scan.error ?? '';
  errorBox.hidden = !scan.error;
  if (FINAL.has(scan.status) && !reportLoaded) {
    reportLoaded = true;
    await renderReport(scan);
  } else if (!FINAL.has(scan.status)) {
    $('#no-findings').hidden = false;
    $('#no-findings').textContent = `The scan is ${scan.status}; findings appear when it ends.`;
  }
  return FINAL.has(scan.status);
}

async function renderReport(scan) {
  let report;
  try {
    report = await api(`/v1/scans/${encodeURIComponent(scan.id)}/report?format=json`);
  } catch (error) {
    $('#no-findings').hidden = false;
    $('#no-findings').textContent = `No report: ${error.message}`;
    return;
  }
  const findings = [...report.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  $('#findings tbody').replaceChildren(
    ...findings.map((finding) => {
      const row = el('tr', undefined, finding.suppressed ? 'suppressed' : '');
      row.dataset.rule = finding.ruleId;
      const severity = el('td');
      severity.append(severityBadge(finding.severity));
      const message = el('td', finding.message);
      if (finding.suppressed) message.append(el('div', `suppressed: ${finding.suppressed.reason}`, 'muted small'));
      row.append(severity, el('td', finding.ruleId, 'mono'), el('td', finding.location?.path ?? '', 'mono'), el('td', finding.location?.member ?? '', 'mono'), message);
      return row;
    }),
  );
  $('#finding-count').textContent = `${findings.length} finding${findings.length === 1 ? '' : 's'}`;
  $('#no-findings').hidden = findings.length > 0;
  $('#no-findings').textContent = 'No findings.';
  const errors = report.errors ?? [];
  $('#errors-title').hidden = $('#errors').hidden = errors.length === 0;
  $('#errors tbody').replaceChildren(
    ...errors.map((e) => {
      const row = el('tr');
      row.append(el('td', e.member ? `${e.path} ! ${e.member}` : e.path, 'mono'), el('td', e.code, 'mono'), el('td', e.message));
      return row;
    }),
  );
}

async function download(format) {
  const id = scanIdFromUrl();
  try {
    const response = await api(`/v1/scans/${encodeURIComponent(id)}/report?format=${format}`, { raw: true });
    const url = URL.createObjectURL(await response.blob());
    const link = el('a');
    link.href = url;
    link.download = `modelgate-${id}.${format === 'sarif' ? 'sarif' : 'json'}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    showError(error.message);
  }
}

function startScan() {
  for (const format of ['json', 'sarif']) {
    $(`#download-${format}`).addEventListener('click', (event) => {
      event.preventDefault();
      download(format);
    });
  }
  return renderScan;
}

// ---- shell ----------------------------------------------------------------------------------

let render = async () => false;
let timer;

async function refresh() {
  clearTimeout(timer);
  try {
    const finished = await render();
    showError('');
    $('#login').hidden = true;
    $('#content').hidden = false;
    $('#logout').hidden = false;
    if (!finished) timer = setTimeout(refresh, 2000);
  } catch (error) {
    if (error instanceof Unauthorized) {
      $('#content').hidden = true;
      $('#login').hidden = false;
      $('#logout').hidden = true;
      if (sessionStorage.getItem(TOKEN_KEY)) showError(`Token refused: ${error.message}`);
      return;
    }
    showError(error.message);
    timer = setTimeout(refresh, 5000);
  }
}

function start() {
  render = document.body.dataset.page === 'scan' ? startScan() : startList();
  $('#login').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('#token').value.trim());
    $('#token').value = '';
    refresh();
  });
  $('#logout').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    location.reload();
  });
  refresh();
}

start();
