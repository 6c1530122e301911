/**
 * The HTML report's script, inlined in a `<script>` element: sorting by any column header and
 * filtering by text, minimum severity, plugin and suppression. It reads only `data-*` attributes
 * and text the page already shows; it never builds markup from report data.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('findings');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById('filter-text');
  var severity = document.getElementById('filter-severity');
  var plugin = document.getElementById('filter-plugin');
  var suppressed = document.getElementById('filter-suppressed');
  var count = document.getElementById('shown-count');
  var sortKey = 'severity';
  var direction = 1;
  rows.forEach(function (row) {
    var parts = [];
    row.querySelectorAll('[data-search]').forEach(function (cell) { parts.push(cell.textContent); });
    row.setAttribute('data-text', parts.join(' ').toLowerCase());
  });
  function number(row, key) { return Number(row.getAttribute('data-' + key)); }
  function sort() {
    rows.sort(function (a, b) {
      return direction * (number(a, sortKey) - number(b, sortKey)) || number(a, 'index') - number(b, 'index');
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll('th[data-sort]').forEach(function (th) {
      th.setAttribute('aria-sort', th.getAttribute('data-sort') === sortKey ? (direction > 0 ? 'ascending' : 'descending') : 'none');
    });
  }
  function apply() {
    var needle = text.value.trim().toLowerCase();
    var maxRank = Number(severity.value);
    var wanted = plugin.value;
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (needle === '' || row.getAttribute('data-text').indexOf(needle) >= 0) &&
        number(row, 'severity') <= maxRank &&
        (wanted === '' || row.getAttribute('data-plugin') === wanted) &&
        (suppressed.checked || row.getAttribute('data-suppressed') !== 'true');
      row.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' findings shown';
  }
  table.querySelectorAll('th[data-sort] button').forEach(function (button) {
    button.addEventListener('click', function () {
      var key = button.parentElement.getAttribute('data-sort');
      direction = key === sortKey ? -direction : 1;
      sortKey = key;
      sort();
    });
  });
  [text, severity, plugin, suppressed].forEach(function (control) {
    control.addEventListener('input', apply);
    control.addEventListener('change', apply);
  });
  sort();
  apply();
})();
`;
