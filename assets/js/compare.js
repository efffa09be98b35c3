/* Compare 2–4 departments side by side, built in the browser from site-index.json. The selection lives
   in the URL (?d=<county>/<year>/<slug>,...) so it can be shared. */
(function () {
  'use strict';
  var app = document.getElementById('compare-app');
  if (!app) return;
  var root = app.getAttribute('data-root');
  var select = document.getElementById('compare-add');
  var chosenList = document.getElementById('compare-chosen');
  var hint = document.getElementById('compare-hint');
  var result = document.getElementById('compare-result');
  var byId = {}, chosen = [], chart = null, charts = [];

  var measures = [
    ['total', '支出合计（万元）'], ['basic', '基本支出（万元）'], ['project', '项目支出（万元）'],
    ['personnel', '人员经费（万元）'], ['public', '公用经费（万元）'],
    ['three_public_actual', '“三公”经费决算（万元）'], ['three_public_budget', '“三公”经费预算（万元）'],
    ['staff', '实有人数'], ['per_staff', '人均支出（万元/人）'], ['three_per_staff', '人均“三公”经费（万元/人）']
  ];

  function fmt(v) { return v == null || !isFinite(v) ? '—' : Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }
  function value(d, key) {
    if (key === 'per_staff') return d.staff ? d.total / d.staff : null;
    if (key === 'three_per_staff') return d.staff && d.three_public_actual != null ? d.three_public_actual / d.staff : null;
    if (key === 'staff') return d.staff;
    return d[key];
  }
  function label(d) { return d.name + '（' + d.county + ' ' + d.year + '）'; }

  function syncUrl() {
    var url = new URL(location.href);
    if (chosen.length) url.searchParams.set('d', chosen.join(',')); else url.searchParams.delete('d');
    history.replaceState(null, '', url);
  }

  function render() {
    while (chosenList.firstChild) chosenList.removeChild(chosenList.firstChild);
    chosen.forEach(function (id) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + byId[id].link + 'index.html';
      a.textContent = label(byId[id]);
      li.appendChild(a);
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = '移除';
      b.setAttribute('aria-label', '移除 ' + label(byId[id]));
      b.addEventListener('click', function () { chosen = chosen.filter(function (x) { return x !== id; }); syncUrl(); render(); });
      li.appendChild(b);
      chosenList.appendChild(li);
    });
    hint.textContent = '已选 ' + chosen.length + ' 个部门（最多 4 个）。' + (chosen.length < 2 ? '请至少选择 2 个。' : '');
    select.disabled = chosen.length >= 4;
    while (result.firstChild) result.removeChild(result.firstChild);
    if (chosen.length < 2) return;
    var ds = chosen.map(function (id) { return byId[id]; });
    result.appendChild(comparisonTable('compare-table', null, '指标', measures, function (m) { return m[1]; }, ds, function (d, m) {
      var v = value(d, m[0]);
      return m[0] === 'staff' ? (v == null ? '—' : String(v)) : fmt(v);
    }));
    var box = chartBox('所选部门的基本支出、项目支出与“三公”经费对比（数字见上表）');
    // Spending mix by function class, as shares of each department's total.
    var classes = [];
    ds.forEach(function (d) { Object.keys(d.classes).forEach(function (c) { if (classes.indexOf(c) < 0) classes.push(c); }); });
    classes.sort();
    function share(d, c) { var v = d.classes[c]; return v == null || !d.total ? null : 100 * v / d.total; }
    result.appendChild(comparisonTable('compare-mix', '支出结构：各功能分类（类）占支出合计的比例', '功能分类', classes,
      function (c) { return c; }, ds, function (d, c) { var v = share(d, c); return v == null ? '—' : v.toFixed(1) + '%'; }));
    var mixBox = chartBox('支出结构对比（数字见上表）');
    if (typeof echarts === 'undefined') return;
    charts.forEach(function (c) { c.dispose(); });
    chart = echarts.init(box, null, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis', confine: true }, legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: ds.map(label), axisLabel: { interval: 0, width: 120, overflow: 'truncate' } },
      yAxis: { type: 'value' },
      series: [['basic', '基本支出'], ['project', '项目支出'], ['three_public_actual', '“三公”经费决算']].map(function (s) {
        return { type: 'bar', name: s[1], data: ds.map(function (d) { return d[s[0]]; }) };
      })
    });
    var mix = echarts.init(mixBox, null, { renderer: 'svg' });
    // No paginated legend: with many classes the legend is left out and the tooltip names each band.
    var many = classes.length > 10;
    mix.setOption({
      tooltip: { trigger: 'axis', confine: true, valueFormatter: function (v) { return v == null ? '—' : Number(v).toFixed(1) + '%'; } },
      legend: { top: 0, show: !many },
      grid: { left: 8, right: 16, top: many ? 8 : 36 + 22 * Math.ceil(classes.length / 3), bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: ds.map(label), axisLabel: { width: 120, overflow: 'truncate' } },
      series: classes.map(function (c) {
        return { type: 'bar', stack: 'mix', name: c, data: ds.map(function (d) { var v = share(d, c); return v == null ? 0 : +v.toFixed(1); }) };
      })
    });
    charts = [chart, mix];
    // Charts follow their box: rotation and window or layout changes redraw them at the new size.
    [[box, chart], [mixBox, mix]].forEach(function (p) {
      var follow = function () { if (!p[1].isDisposed()) p[1].resize(); };
      if (window.ResizeObserver) new ResizeObserver(follow).observe(p[0]);
      else window.addEventListener('resize', follow);
    });
  }

  // A table with the chosen departments as columns and one row per item; every cell is set as text.
  function comparisonTable(id, caption, corner, items, itemLabel, ds, cellText) {
    var table = document.createElement('table');
    table.className = 'data';
    table.id = id;
    if (caption) table.createCaption().textContent = caption;
    var head = table.createTHead().insertRow();
    var c0 = document.createElement('th'); c0.scope = 'col'; c0.textContent = corner; head.appendChild(c0);
    ds.forEach(function (d) { var h = document.createElement('th'); h.scope = 'col'; h.className = 'num'; h.textContent = label(d); head.appendChild(h); });
    var body = table.createTBody();
    items.forEach(function (item) {
      var row = body.insertRow();
      var h = document.createElement('th'); h.scope = 'row'; h.textContent = itemLabel(item); row.appendChild(h);
      ds.forEach(function (d) { var c = row.insertCell(); c.className = 'num'; c.textContent = cellText(d, item); });
    });
    var wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    // Keyboard-reachable when it scrolls (as the generated pages' table scrollers).
    wrap.setAttribute('tabindex', '0');
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', '可横向滚动的表格');
    wrap.appendChild(table);
    return wrap;
  }

  function chartBox(description) {
    var box = document.createElement('div');
    box.className = 'chart';
    box.setAttribute('role', 'img');
    box.setAttribute('aria-label', description);
    result.appendChild(box);
    return box;
  }

  function start() {
  fetch(app.getAttribute('data-index')).then(function (r) { return r.json(); }).then(function (index) {
    index.departments.forEach(function (d) {
      byId[d.id] = d;
      var o = document.createElement('option');
      o.value = d.id;
      o.textContent = label(d) + (d.synthetic ? ' [示例]' : '');
      select.appendChild(o);
    });
    var wanted = (new URLSearchParams(location.search).get('d') || '').split(',').filter(function (id) { return byId[id]; });
    chosen = wanted.filter(function (id, i) { return wanted.indexOf(id) === i; }).slice(0, 4);
    render();
  }).catch(function () { hint.textContent = '无法读取站点数据（site-index.json）。'; });
  }
  // ECharts is loaded after the page body: start once every script has run.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();

  select.addEventListener('change', function () {
    var id = select.value;
    select.value = '';
    if (!id || chosen.indexOf(id) >= 0 || chosen.length >= 4) return;
    chosen.push(id);
    syncUrl();
    render();
  });
})();
