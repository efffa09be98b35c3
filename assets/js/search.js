/* Search across counties and departments, from the prebuilt site-index.json (no server needed). */
(function () {
  'use strict';
  var list = document.getElementById('search-results');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  if (!list || !input) return;
  var root = list.getAttribute('data-root');
  var entries = null;

  function norm(s) { return String(s).toLowerCase(); }

  function show(q) {
    while (list.firstChild) list.removeChild(list.firstChild);
    q = q.trim();
    if (!entries) return;
    if (!q) { status.textContent = '共 ' + entries.length + ' 个部门决算，输入关键词查找。'; return; }
    var terms = norm(q).split(/\s+/);
    var hits = entries.filter(function (e) {
      return terms.every(function (t) { return e.text.indexOf(t) >= 0; });
    }).slice(0, 200);
    status.textContent = hits.length ? '找到 ' + hits.length + ' 条结果' + (hits.length === 200 ? '（只显示前 200 条）' : '') + '。' : '没有找到“' + q + '”。';
    hits.forEach(function (e) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + e.link;
      a.textContent = e.title;
      li.appendChild(a);
      var small = document.createElement('small');
      small.className = 'muted';
      small.textContent = ' ' + e.detail;
      li.appendChild(small);
      list.appendChild(li);
    });
  }

  fetch(list.getAttribute('data-index')).then(function (r) { return r.json(); }).then(function (index) {
    var seen = {};
    entries = [];
    index.departments.forEach(function (d) {
      var cy = d.link.split('/').slice(0, 2).join('/') + '/';
      if (!seen[cy]) {
        seen[cy] = true;
        entries.push({ title: d.province + ' ' + d.county + ' ' + d.year + ' 年度总览', detail: '地区总览' + (d.synthetic ? '（示例数据）' : ''),
                       link: cy + 'index.html', text: norm([d.province, d.county, d.year, d.county_code, '总览'].join(' ')) });
      }
      entries.push({ title: d.name + ' ' + d.year + ' 年度', detail: d.county + (d.synthetic ? '（示例数据）' : ''),
                     link: d.link + 'index.html', text: norm([d.name, d.county, d.province, d.year, d.county_code].join(' ')) });
    });
    var q = new URLSearchParams(location.search).get('q') || '';
    input.value = q;
    show(q);
  }).catch(function () { status.textContent = '无法读取搜索索引（site-index.json）。'; });

  input.addEventListener('input', function () {
    show(input.value);
    var url = new URL(location.href);
    if (input.value) url.searchParams.set('q', input.value); else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  });
  document.getElementById('search-form').addEventListener('submit', function (e) { e.preventDefault(); show(input.value); });
})();
