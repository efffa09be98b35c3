/* gongkai front end: renders each chart from the JSON embedded beside it (ECharts, SVG renderer) and
   makes tables with class "sortable" sortable. Pages stay complete without JavaScript, and this file works
   without ECharts (pages without charts do not load it).

   Chart data (`<script type="application/json" id="chart-ID">` beside `<div class="chart" data-chart="ID">`):
     {type: "treemap" | "sunburst", unit, series: [{name, value, children: [...]}]}   a tree (类 → 款 → 项)
     {type: "hbar", unit, categories: [...], series: [{name, data: [...], stack}], links: [...]}
         ranked horizontal bars, categories top to bottom in the given order; `links` (optional, relative
         URLs parallel to categories) make the bars clickable
     {type: "bar", unit, categories, series, horizontal}   bars (drawn horizontally at phone width)
     {type: "line", unit, categories, series}
     {type: "pie", unit, series: [{name, value}]}           a donut with a legend of amounts and shares
   Views send at most about 10 series (top N plus 其他); with more, the legend is hidden (tooltip only). */
(function () {
  'use strict';

  var FONT = 12;          // chart text size in px
  var MAX_LEGEND = 10;    // more series than this: no legend

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

  function group(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ','); }

  // An amount as the site prints it: "1,577.61" (two decimals, grouped), "—" when unpublished.
  function fmt(v) {
    if (v == null || isNaN(v)) return '—';
    var parts = Math.abs(Number(v)).toFixed(2).split('.');
    var text = group(parts[0]) + '.' + parts[1];
    return Number(v) < 0 && text !== '0.00' ? '-' + text : text;
  }

  // A share with one decimal: "83.1%".
  function pct(part, whole) {
    if (part == null || !whole) return '—';
    return (100 * part / whole).toFixed(1) + '%';
  }

  // Axis ticks: in the chart's own unit (the one its title and value labels state, e.g. 万元), never
  // rescaled to another unit; numbers grouped ("150,000"), at most 2 decimals.
  function tick() {
    var trim = function (x) { return String(Number(x.toFixed(2))); };
    return function (v) {
      if (v === 0) return '0';
      var parts = trim(Math.abs(v)).split('.');
      return (v < 0 ? '-' : '') + group(parts[0]) + (parts[1] ? '.' + parts[1] : '');
    };
  }

  // Width of a text in units of the font size (CJK characters 1, Latin letters and digits about 0.55).
  function textWidth(s) {
    var w = 0;
    for (var i = 0; i < s.length; i++) w += s.charCodeAt(i) < 0x2E80 ? 0.55 : 1;
    return w;
  }

  // Breaks a label into at most `lines` lines of `width` font-size units; "…" marks a cut.
  function wrap(s, width, lines) {
    var out = [], line = '', w = 0;
    for (var i = 0; i < s.length; i++) {
      var cw = s.charCodeAt(i) < 0x2E80 ? 0.55 : 1;
      if (w + cw > width && line !== '') {
        if (out.length === lines - 1) return out.concat(line.slice(0, -1) + '…').join('\n');
        out.push(line);
        line = '';
        w = 0;
      }
      line += s.charAt(i);
      w += cw;
    }
    out.push(line);
    return out.join('\n');
  }

  // Rows a plain legend of these names needs at this width (ECharts has no automatic legend height).
  function legendRows(names, width) {
    var rows = 1, x = 0;
    names.forEach(function (n) {
      var w = 25 + 5 + textWidth(n) * FONT + 10;
      if (x + w > width - 10 && x > 0) { rows++; x = 0; }
      x += w;
    });
    return rows;
  }

  function legendFor(names, width, top) {
    if (names.length < 2 || names.length > MAX_LEGEND) return { show: false, height: 0 };
    var rows = legendRows(names, width);
    return { show: true, height: rows * 22 + 6,
      option: { type: 'plain', top: top ? 0 : undefined, bottom: top ? undefined : 0, left: 'center', itemGap: 10,
        textStyle: { fontSize: FONT } } };
  }

  // Tooltip of an axis chart: the full category name, each series, and the sum of stacked series.
  function axisTooltip(d) {
    return function (ps) {
      ps = [].concat(ps);
      if (!ps.length) return '';
      var i = ps[0].dataIndex;
      var out = esc(d.categories && d.categories[i] != null ? d.categories[i] : ps[0].name);
      var sum = 0, any = false;
      ps.forEach(function (p) {
        var v = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
        if (v != null && !isNaN(v)) { sum += Number(v); any = true; }
        out += '<br>' + p.marker + esc(p.seriesName) + '：' + fmt(v) + ' ' + esc(d.unit || '');
      });
      var stacked = d.series.some(function (s) { return s.stack; });
      if (stacked && ps.length > 1 && any) out += '<br><b>合计：' + fmt(sum) + ' ' + esc(d.unit || '') + '</b>';
      return out;
    };
  }

  function seriesNames(d) { return d.series.map(function (s) { return s.name; }); }

  // Sum of the top level of a tree (the whole the shares refer to).
  function treeTotal(nodes) {
    return nodes.reduce(function (s, n) { return s + (n.value > 0 ? n.value : 0); }, 0);
  }

  // Removes nodes without a positive amount (treemaps and sunbursts cannot draw them).
  function positive(nodes) {
    return nodes.filter(function (n) { return n.value > 0; }).map(function (n) {
      var c = { name: n.name, value: n.value };
      if (n.children) { var ch = positive(n.children); if (ch.length) c.children = ch; }
      return c;
    });
  }

  function treeTooltip(d, total) {
    return function (p) {
      var path = (p.treePathInfo || []).slice(1).map(function (x) { return esc(x.name); });
      if (!path.length) path = [esc(p.name)];
      var parent = p.treePathInfo && p.treePathInfo.length > 2 ? p.treePathInfo[p.treePathInfo.length - 2].value : null;
      var out = path.join(' › ') + '<br>' + fmt(p.value) + ' ' + esc(d.unit || '') + '<br>占支出合计 ' + pct(p.value, total);
      if (parent) out += '，占上级 ' + pct(p.value, parent);
      return out;
    };
  }

  function treemapOption(d, narrow) {
    var data = positive(d.series), total = treeTotal(data);
    var label = function (p) { return p.name + '\n' + fmt(p.value) + '\n' + pct(p.value, total); };
    return {
      tooltip: { trigger: 'item', confine: true, formatter: treeTooltip(d, total) },
      series: [{
        type: 'treemap', name: '全部', data: data, left: 0, right: 0, top: 0, bottom: 34, roam: false,
        // Phone: one level at a time (tap a block to open its 款, the breadcrumb goes back); desktop: two.
        leafDepth: narrow ? 1 : 2, nodeClick: 'zoomToNode', squareRatio: narrow ? 1 : 0.5 * (1 + Math.sqrt(5)),
        visibleMin: 1,
        breadcrumb: { show: true, bottom: 4, left: 0, height: 24, emptyItemWidth: 24,
          itemStyle: { color: '#eef1f5', borderColor: '#d9dee5', textStyle: { color: '#1f2933' } },
          emphasis: { itemStyle: { color: '#dde3ea' } } },
        label: { show: true, formatter: label, fontSize: FONT, overflow: 'break', lineOverflow: 'truncate', lineHeight: 16 },
        upperLabel: { show: !narrow, height: 22, fontSize: FONT, color: '#1f2933', overflow: 'truncate',
          formatter: function (p) { return p.name + '  ' + fmt(p.value) + '（' + pct(p.value, total) + '）'; } },
        levels: [
          { itemStyle: { borderWidth: 0, gapWidth: 2 }, upperLabel: { show: false } },
          { itemStyle: { borderColor: '#e4e8ee', borderWidth: narrow ? 0 : 3, gapWidth: 2 } },
          { colorSaturation: [0.35, 0.6], itemStyle: { borderColorSaturation: 0.7, gapWidth: 1, borderWidth: 1 } },
          { colorSaturation: [0.3, 0.5], itemStyle: { borderColorSaturation: 0.6, gapWidth: 1, borderWidth: 1 } }
        ]
      }]
    };
  }

  function sunburstOption(d, narrow) {
    var data = positive(d.series), total = treeTotal(data);
    return { tooltip: { trigger: 'item', confine: true, formatter: treeTooltip(d, total) },
      series: [{ type: 'sunburst', data: data, radius: ['12%', '92%'], sort: null,
        label: { show: true, minAngle: 12, overflow: 'truncate', width: narrow ? 60 : 90, fontSize: narrow ? 10 : FONT },
        levels: [{}, { label: { rotate: 'tangential' } }, { label: { rotate: 'radial', show: !narrow } }, { label: { show: false } }] }] };
  }

  function pieOption(d, narrow, width, height) {
    var data = d.series.filter(function (s) { return s.value > 0; });
    var total = data.reduce(function (s, x) { return s + x.value; }, 0);
    var byName = {};
    data.forEach(function (s) { byName[s.name] = s.value; });
    var legendText = function (name) { return name + '  ' + fmt(byName[name]) + ' ' + (d.unit || '') + '（' + pct(byName[name], total) + '）'; };
    var names = data.map(function (s) { return s.name; });
    var many = names.length > MAX_LEGEND;
    var legendHeight = many ? 0 : legendRows(names.map(legendText), width) * 22 + 6;
    var r = Math.max(40, Math.min(width, height - legendHeight) / 2 * (many ? 0.6 : 0.85));
    return {
      tooltip: { trigger: 'item', confine: true, formatter: function (p) {
        return p.marker + esc(p.name) + '<br>' + fmt(p.value) + ' ' + esc(d.unit || '') + '（' + pct(p.value, total) + '）'; } },
      legend: { show: !many, bottom: 0, left: 'center', type: 'plain', formatter: legendText, textStyle: { fontSize: FONT } },
      series: [{ type: 'pie', radius: [0.55 * r, r], center: ['50%', (height - legendHeight) / 2],
        data: data, avoidLabelOverlap: true,
        // Inside the ring: the share only (full names and amounts are in the legend); with many slices,
        // outside labels with full names replace the legend.
        label: many ? { show: !narrow, formatter: '{b}', overflow: 'none' }
                    : { show: true, position: 'inside', color: '#fff', fontWeight: 700, fontSize: FONT,
                        formatter: function (p) { return p.value / total >= 0.04 ? pct(p.value, total) : ''; } },
        labelLine: { show: many && !narrow } }]
    };
  }

  // Horizontal bars: categories top to bottom in the given order, labels wrapped (2 lines at phone width),
  // the amount after each bar when there is one series.
  function hbarOption(d, narrow, width) {
    var names = seriesNames(d), legend = legendFor(names, width, true);
    var single = d.series.length === 1;
    var labelWidth = narrow ? 7 : Math.min(16, Math.max(8, Math.floor(width / FONT / 4)));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, formatter: axisTooltip(d) },
      legend: legend.show ? legend.option : { show: false },
      grid: { left: 4, right: single ? (narrow ? 64 : 76) : 16, top: legend.height + 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', splitNumber: narrow ? 3 : 5, axisLabel: { formatter: tick(), fontSize: FONT } },
      yAxis: { type: 'category', data: d.categories, inverse: true, axisTick: { show: false },
        axisLabel: { interval: 0, fontSize: FONT, lineHeight: 14, formatter: function (s) { return wrap(String(s), labelWidth, narrow ? 2 : 1); } } },
      series: d.series.map(function (s) {
        return { type: 'bar', name: s.name, stack: s.stack, data: s.data, barMaxWidth: 22,
          cursor: d.links ? 'pointer' : 'default',
          label: { show: single, position: 'right', fontSize: FONT - 1, color: '#566270',
            formatter: function (p) { return p.value == null ? '' : fmt(p.value); } } };
      })
    };
  }

  function axisOption(d, narrow, width) {
    var names = seriesNames(d), legend = legendFor(names, width, true);
    // Category labels: wrapped to two lines within their band, or slanted and cut when bands are narrow.
    var band = Math.floor((width - 60) / Math.max(1, d.categories.length) / FONT) - 1;
    var slant = band < 5;
    var catAxis = { type: 'category', data: d.categories,
      axisLabel: { interval: slant ? 'auto' : 0, fontSize: FONT, rotate: slant ? 30 : 0, lineHeight: 14,
        formatter: function (s) { return slant ? wrap(String(s), 9, 1) : wrap(String(s), band, 2); } } };
    var valAxis = { type: 'value', splitNumber: narrow ? 4 : 5, axisLabel: { formatter: tick(), fontSize: FONT } };
    return {
      tooltip: { trigger: 'axis', confine: true, axisPointer: { type: d.type === 'line' ? 'line' : 'shadow' }, formatter: axisTooltip(d) },
      legend: legend.show ? legend.option : { show: false },
      grid: { left: 4, right: 16, top: legend.height + 8, bottom: 4, containLabel: true },
      xAxis: catAxis, yAxis: valAxis,
      series: d.series.map(function (s) {
        return { type: d.type === 'line' ? 'line' : 'bar', name: s.name, stack: s.stack, data: s.data, barMaxWidth: 36,
          symbolSize: 7, connectNulls: false };
      })
    };
  }

  // Bars drawn horizontally: the "hbar" type, and "bar" charts marked horizontal or seen on a phone.
  function drawsHorizontal(d, narrow) {
    return d.type === 'hbar' || (d.type === 'bar' && d.categories && (d.horizontal || narrow));
  }

  function optionFor(d, narrow, width, height) {
    if (d.type === 'treemap') return treemapOption(d, narrow);
    if (d.type === 'sunburst') return sunburstOption(d, narrow);
    if (d.type === 'pie') return pieOption(d, narrow, width, height);
    if (drawsHorizontal(d, narrow)) return hbarOption(d, narrow, width);
    return axisOption(d, narrow, width);
  }

  // Height of a horizontal bar chart: grows with the number of bars.
  function barsHeight(d, narrow, width) {
    var legend = legendFor(seriesNames(d), width, true);
    return Math.max(180, legend.height + 40 + d.categories.length * (narrow ? 34 : 28));
  }

  function isNarrow(width) { return width < 480; }  // a phone's chart box (390 px screen: about 350)

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  }

  // Draws one chart and keeps it sized to its box (rotation, window and container size changes).
  function mountChart(el, d) {
    var fallback = el.querySelector('.chart-fallback');
    if (fallback) el.removeChild(fallback);
    var state = '';
    var width = el.clientWidth || 320;
    var narrow = isNarrow(width);
    var layout = function () {
      if (drawsHorizontal(d, narrow)) el.style.height = barsHeight(d, narrow, width) + 'px';
      else if (d.type === 'treemap') el.style.height = (narrow ? 26 : 28) + 'rem';
    };
    layout();
    var chart = echarts.init(el, null, { renderer: 'svg' });
    // Trees keep their drill-down state unless the phone/desktop layout changes; other charts are
    // redrawn for the new size (legend rows and label widths depend on it).
    var draw = function () {
      var key = d.type === 'treemap' || d.type === 'sunburst' ? String(narrow) : narrow + ':' + width;
      if (key === state) return;
      state = key;
      var option = optionFor(d, narrow, width, el.clientHeight || 300);
      if (reducedMotion()) option.animation = false;
      chart.setOption(option, { notMerge: true });
    };
    draw();
    if (d.links) chart.on('click', function (p) {
      var url = p.componentType === 'series' && d.links[p.dataIndex];
      if (url) window.location.href = url;
    });
    var pending = false;
    var onResize = function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        var w = el.clientWidth;
        if (!w) return;  // hidden
        if (w !== width) {
          width = w;
          narrow = isNarrow(w);
          layout();
        }
        chart.resize();
        if (d.type === 'pie') state = '';  // its radius follows the height too
        draw();
      });
    };
    if (window.ResizeObserver) new ResizeObserver(onResize).observe(el);
    else window.addEventListener('resize', onResize);
    window.addEventListener('orientationchange', onResize);
    return chart;
  }

  function renderCharts() {
    if (typeof echarts === 'undefined') return;  // the no-JavaScript note stays
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      var d = readData(el.getAttribute('data-chart'));
      if (!d || !d.series) return;
      try { mountChart(el, d); } catch (e) { if (window.console) console.error(e); }
    });
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
        // Rows naming a row above them (data-parent="ID": a 款 under its 类) stay beneath it, sorted among
        // their siblings; rows without one are sorted as a flat list.
        var byId = {}, children = {}, roots = [];
        rows.forEach(function (r) { if (r.id) byId[r.id] = r; });
        rows.forEach(function (r) {
          var p = r.getAttribute('data-parent');
          if (p && byId[p]) (children[p] = children[p] || []).push(r);
          else roots.push(r);
        });
        function compare(a, b) {
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
        }
        function place(list) {
          list.sort(compare).forEach(function (r) {
            body.appendChild(r);
            if (r.id && children[r.id]) place(children[r.id]);
          });
        }
        place(roots);
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
