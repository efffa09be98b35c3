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
  var byId = {}, chosen = [], chart = null;

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
    var wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    var table = document.createElement('table');
    table.className = 'data';
    table.id = 'compare-table';
    var thead = table.createTHead().insertRow();
    var th = document.createElement('th'); th.scope = 'col'; th.textContent = '指标'; thead.appendChild(th);
    ds.forEach(function (d) { var h = document.createElement('th'); h.scope = 'col'; h.className = 'num'; h.textContent = label(d); thead.appendChild(h); });
    var body = table.createTBody();
    measures.forEach(function (m) {
      var row = body.insertRow();
      var h = document.createElement('th'); h.scope = 'row'; h.textContent = m[1]; row.appendChild(h);
      ds.forEach(function (d) { var c = row.insertCell(); c.className = 'num'; var v = value(d, m[0]); c.textContent = m[0] === 'staff' ? (v == null ? '—' : String(v)) : fmt(v); });
    });
    wrap.appendChild(table);
    result.appendChild(wrap);
    var box = document.createElement('div');
    box.className = 'chart';
    box.setAttribute('role', 'img');
    box.setAttribute('aria-label', '所选部门的基本支出、项目支出与“三公”经费对比（数字见上表）');
    result.appendChild(box);
    if (typeof echarts !== 'undefined') {
      if (chart) chart.dispose();
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
      // Spending mix by function class, as shares of each department's total.
      var classes = [];
      ds.forEach(function (d) { Object.keys(d.classes).forEach(function (c) { if (classes.indexOf(c) < 0) classes.push(c); }); });
      classes.sort();
      var mixTable = document.createElement('table');
      mixTable.className = 'data';
      mixTable.id = 'compare-mix';
      var cap = mixTable.createCaption();
      cap.textContent = '支出结构：各功能分类（类）占支出合计的比例';
      var mh = mixTable.createTHead().insertRow();
      var c0 = document.createElement('th'); c0.scope = 'col'; c0.textContent = '功能分类'; mh.appendChild(c0);
      ds.forEach(function (d) { var h = document.createElement('th'); h.scope = 'col'; h.className = 'num'; h.textContent = label(d); mh.appendChild(h); });
      var mb = mixTable.createTBody();
      classes.forEach(function (c) {
        var row = mb.insertRow();
        var h = document.createElement('th'); h.scope = 'row'; h.textContent = c; row.appendChild(h);
        ds.forEach(function (d) { var cell = row.insertCell(); cell.className = 'num'; var v = d.classes[c]; cell.textContent = v == null || !d.total ? '—' : (100 * v / d.total).toFixed(2) + '%'; });
      });
      var mixWrap = document.createElement('div');
      mixWrap.className = 'table-wrap';
      mixWrap.appendChild(mixTable);
      result.appendChild(mixWrap);
      var mixBox = document.createElement('div');
      mixBox.className = 'chart';
      mixBox.setAttribute('role', 'img');
      mixBox.setAttribute('aria-label', '支出结构对比（数字见上表）');
      result.appendChild(mixBox);
      echarts.init(mixBox, null, { renderer: 'svg' }).setOption({
        tooltip: { trigger: 'axis', confine: true }, legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', data: ds.map(label), axisLabel: { width: 120, overflow: 'truncate' } },
        series: classes.map(function (c) {
          return { type: 'bar', stack: 'mix', name: c, data: ds.map(function (d) { var v = d.classes[c]; return v == null || !d.total ? 0 : +(100 * v / d.total).toFixed(2); }) };
        })
      });
    }
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
