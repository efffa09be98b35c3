/* gongkai front end: renders each chart from the JSON embedded beside it (ECharts, SVG renderer) and
   makes tables with class "sortable" sortable. Pages stay complete without JavaScript. */
(function () {
  'use strict';

  function readData(id) {
    var el = document.getElementById('chart-' + id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  // ECharts renders custom tooltip formatters as HTML: every name from the data must be escaped.
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function fmt(v) {
    return v == null ? '—' : Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function optionFor(d, narrow) {
    var tooltip = { trigger: d.type === 'bar' ? 'axis' : 'item', confine: true,
      valueFormatter: function (v) { return fmt(v) + ' ' + (d.unit || ''); } };
    if (d.type === 'sunburst') {
      return { tooltip: { trigger: 'item', confine: true,
          formatter: function (p) { return esc(p.name) + '<br>' + fmt(p.value) + ' ' + esc(d.unit); } },
        series: [{ type: 'sunburst', data: d.series, radius: ['12%', '92%'], sort: null,
          label: { show: !narrow, minAngle: 12, overflow: 'truncate', width: 90 },
          levels: [{}, { label: { rotate: 'tangential' } }, { label: { rotate: 'radial' } }, { label: { show: false } }] }] };
    }
    if (d.type === 'pie') {
      return { tooltip: tooltip, legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '68%'], data: d.series,
          label: { formatter: function (p) { return narrow ? p.percent + '%' : p.name + '\n' + fmt(p.value) + '（' + p.percent + '%）'; } } }] };
    }
    var horizontal = !!d.horizontal;
    var catAxis = { type: 'category', data: d.categories, inverse: horizontal,
      axisLabel: { width: narrow ? 90 : 160, overflow: 'truncate', interval: 0, rotate: horizontal ? 0 : (narrow ? 40 : 20) } };
    var valAxis = { type: 'value', axisLabel: { formatter: function (v) { return Number(v).toLocaleString('zh-CN'); } } };
    return { tooltip: tooltip, legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: horizontal ? valAxis : catAxis, yAxis: horizontal ? catAxis : valAxis,
      series: d.series.map(function (s) { return { type: d.type === 'line' ? 'line' : 'bar', name: s.name, stack: s.stack, data: s.data }; }) };
  }

  function renderCharts() {
    if (typeof echarts === 'undefined') return;
    var narrow = window.matchMedia && window.matchMedia('(max-width: 40rem)').matches;
    var charts = [];
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      var d = readData(el.getAttribute('data-chart'));
      if (!d) return;
      if (d.horizontal && d.categories) el.style.height = Math.max(280, 60 + 34 * d.categories.length) + 'px';
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(optionFor(d, narrow));
      charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  function makeSortable(table) {
    var heads = table.querySelectorAll('thead th[data-sort]');
    heads.forEach(function (th, col) {
      th.setAttribute('tabindex', '0');
      function sort() {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = th.getAttribute('data-sort') === 'num';
        rows.sort(function (a, b) {
          var ca = a.cells[col], cb = b.cells[col];
          if (numeric) {
            var va = ca.getAttribute('data-sort-value'), vb = cb.getAttribute('data-sort-value');
            if (va === '' && vb === '') return 0;
            if (va === '') return 1;   // unpublished values always last
            if (vb === '') return -1;
            var diff = Number(va) - Number(vb);
            return asc ? diff : -diff;
          }
          var r = ca.textContent.localeCompare(cb.textContent, 'zh-CN');
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
  }

  // A text box that hides the rows of a table whose text does not contain what is typed.
  function makeFilter(input) {
    var table = document.getElementById(input.getAttribute('data-filter-table'));
    if (!table) return;
    input.addEventListener('input', function () {
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = q !== '' && row.cells[0].textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    renderCharts();
    document.querySelectorAll('table.sortable').forEach(makeSortable);
    document.querySelectorAll('input[data-filter-table]').forEach(makeFilter);
  });
})();
