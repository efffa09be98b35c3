/* Search over counties, departments, function and economic classes, line items and “三公” lines, from the
   prebuilt search-index.json (no server needed; format in generator/render/search_index.hpp).
   Results are grouped: one per county (its years as links), one per class page (county + code), one per
   department (county + department, its years as links, the matching line items listed under it).
   Matching is on substrings (Chinese has no word boundaries); codes match exactly or as a prefix.
   Ranking: exact matches, then prefixes, then matches inside a name. Every text goes in with textContent. */
(function () {
  'use strict';
  var list = document.getElementById('search-results');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  if (!list || !input) return;
  var root = list.getAttribute('data-root');
  var MAX_GROUPS = 100;  // result groups shown
  var MAX_HITS = 4;      // line items shown under one department
  var KIND = { f: '功能分类', e: '经济分类', t: '“三公”经费' };
  var data = null;

  // Text as matched: lower case, without white space and quotation marks, full-width brackets and colon folded.
  function norm(s) {
    return String(s).toLowerCase().replace(/[\s\u3000\u00a0\u201c\u201d\u2018\u2019"'\u300c\u300d\u300e\u300f]/g, '')
      .replace(/\uff08/g, '(').replace(/\uff09/g, ')').replace(/\uff1a/g, ':');
  }
  // How well a (normalised) term matches a (normalised) text: 0 exact, 1 at its start, 2 inside, -1 not at all.
  function quality(text, term) {
    if (!text) return -1;
    if (text === term) return 0;
    var at = text.indexOf(term);
    return at < 0 ? -1 : at === 0 ? 1 : 2;
  }
  // Codes match exactly or as a prefix ("208" finds 20805 but not 2210208).
  function codeQuality(code, term) {
    if (!code || !/^\d+$/.test(term)) return -1;
    return code === term ? 0 : code.indexOf(term) === 0 ? 1 : -1;
  }
  function best() {
    var q = -1;
    for (var i = 0; i < arguments.length; i++) if (arguments[i] >= 0 && (q < 0 || arguments[i] < q)) q = arguments[i];
    return q;
  }
  function level(code) { return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : ''; }

  function prepare(ix) {
    var items = ix.items.map(function (it) { return { kind: it[0], code: it[1], name: it[2], n: norm(it[2]) }; });
    var counties = ix.counties.map(function (c) {
      return { dir: c.dir, name: c.name, province: c.province, code: c.code, years: c.years, synthetic: false,
               n: norm(c.name), np: norm(c.province + c.name) };
    });
    var departments = ix.departments.map(function (d) {
      var county = counties[d.county];
      var synthetic = d.years.some(function (y) { return y.synthetic; });
      if (synthetic) county.synthetic = true;
      return {
        county: county, slug: d.slug, name: d.name, n: norm(d.name), years: d.years, synthetic: synthetic,
        items: d.items.map(function (r) { return typeof r === 'number' ? { i: r, years: null } : { i: r[0], years: r[1] }; })
      };
    });
    var byKey = {}, classes = [];
    ix.classes.forEach(function (c) {
      var county = counties[c[0]], item = items[c[1]];
      var key = county.dir + '|' + item.kind + '|' + item.code;
      var g = byKey[key];
      if (!g) { g = byKey[key] = { county: county, item: item, names: [], years: [] }; classes.push(g); }
      if (g.names.indexOf(item.n) < 0) g.names.push(item.n);
      c[2].forEach(function (y) { if (g.years.indexOf(y) < 0) g.years.push(y); });
      g.years.sort();
      if (c[2].indexOf(g.years[g.years.length - 1]) >= 0) g.item = item;  // the name of the latest year
    });
    return { items: items, counties: counties, departments: departments, classes: classes };
  }

  function yearOf(term, years) { return /^\d{4}$/.test(term) && years.indexOf(+term) >= 0 ? 0 : -1; }

  // Every group that matches all terms, ranked. A group: {type, score, sort, ...}; type orders groups of equal
  // score: county dashboards, departments found by name, class pages, departments found by their items or place.
  function search(terms) {
    var groups = [];
    data.counties.forEach(function (c) {
      var score = 0;
      for (var k = 0; k < terms.length; k++) {
        var q = best(quality(c.n, terms[k]), quality(c.np, terms[k]), codeQuality(c.code, terms[k]), yearOf(terms[k], c.years));
        if (q < 0) return;
        score += q;
      }
      groups.push({ type: 0, score: score, sort: c.dir, county: c });
    });
    data.classes.forEach(function (g) {
      var score = 0;
      for (var k = 0; k < terms.length; k++) {
        var t = terms[k];
        var q = best(codeQuality(g.item.code, t), best.apply(null, g.names.map(function (n) { return quality(n, t); })),
                     quality(g.county.n, t) >= 0 ? 3 : -1, yearOf(t, g.years) >= 0 ? 3 : -1);
        if (q < 0) return;
        score += q;
      }
      // A class found only through its place or year is not a useful result.
      if (score >= 3 * terms.length) return;
      groups.push({ type: 2, score: score, sort: g.county.dir + '|' + g.item.kind + g.item.code, cls: g });
    });
    // Item quality per term, once for the whole dictionary.
    var itemQ = terms.map(function (t) {
      return data.items.map(function (it) { return best(quality(it.n, t), codeQuality(it.code, t)); });
    });
    data.departments.forEach(function (d) {
      var score = 0, byName = false, hits = {};
      var years = d.years.map(function (y) { return y.year; });
      for (var k = 0; k < terms.length; k++) {
        var t = terms[k];
        var q = quality(d.n, t);
        if (q >= 0) byName = true;
        var place = best(quality(d.county.n, t), quality(d.county.np, t), yearOf(t, years));
        if (place >= 0) place += 1;
        var itemBest = -1;
        d.items.forEach(function (r) {
          var iq = itemQ[k][r.i];
          if (iq < 0) return;
          if (!(r.i in hits) || iq < hits[r.i].q) hits[r.i] = { q: iq, ref: r };
          if (itemBest < 0 || iq < itemBest) itemBest = iq;
        });
        q = best(q, place, itemBest);
        if (q < 0) return;
        score += q;
      }
      var list = Object.keys(hits).map(function (i) { return hits[i]; });
      list.sort(function (a, b) {
        var ia = data.items[a.ref.i], ib = data.items[b.ref.i];
        return a.q - b.q || 'tfe'.indexOf(ia.kind) - 'tfe'.indexOf(ib.kind) || ia.code.length - ib.code.length ||
               (ia.code < ib.code ? -1 : ia.code > ib.code ? 1 : 0);
      });
      groups.push({ type: byName ? 1 : 3, score: score, sort: d.county.dir + '|' + d.slug, dep: d, hits: list });
    });
    groups.sort(function (a, b) { return a.score - b.score || a.type - b.type || (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0); });
    return groups;
  }

  // DOM helpers: every text is set with textContent.
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  // A link whose visible text is `text`; `context` is read out before it by screen readers (and is part of its
  // text content), e.g. the department's name before a bare year.
  function link(href, text, context) {
    var a = el('a');
    a.href = root + href;
    if (context) a.appendChild(el('span', 'visually-hidden', context + ' '));
    a.appendChild(document.createTextNode(text));
    return a;
  }
  function appendList(parent, nodes, sep) {
    nodes.forEach(function (n, i) { if (i) parent.appendChild(document.createTextNode(sep)); parent.appendChild(n); });
  }
  function kindTag(text) { return el('span', 'result-kind', text); }

  function countyResult(c) {
    var li = el('li', 'result');
    li.setAttribute('data-kind', 'county');
    var latest = c.years[c.years.length - 1];
    var title = el('p', 'result-title');
    title.appendChild(link(c.dir + '/' + latest + '/index.html', c.province + ' ' + c.name));
    title.appendChild(document.createTextNode(' '));
    title.appendChild(kindTag('地区总览' + (c.synthetic ? '（示例数据）' : '')));
    li.appendChild(title);
    var years = el('p', 'result-meta');
    years.appendChild(document.createTextNode('年度总览：'));
    appendList(years, c.years.slice().reverse().map(function (y) { return link(c.dir + '/' + y + '/index.html', y + ' 年度总览', c.name); }), '、');
    li.appendChild(years);
    return li;
  }

  function classResult(g) {
    var li = el('li', 'result');
    li.setAttribute('data-kind', 'class');
    var it = g.item, folder = it.kind === 'e' ? '/economic/' : '/classes/';
    var latest = g.years[g.years.length - 1];
    var title = el('p', 'result-title');
    title.appendChild(link(g.county.dir + '/' + latest + folder + it.code + '/index.html', it.code + ' ' + it.name + '（' + g.county.name + '）'));
    title.appendChild(document.createTextNode(' '));
    title.appendChild(kindTag(KIND[it.kind] + (level(it.code) ? ' · ' + level(it.code) : '')));
    li.appendChild(title);
    var meta = el('p', 'result-meta', g.county.province + g.county.name + '各部门的这一类支出：');
    appendList(meta, g.years.slice().reverse().map(function (y) {
      return link(g.county.dir + '/' + y + folder + it.code + '/index.html', y + ' 年度', g.county.name + ' ' + it.name);
    }), '、');
    li.appendChild(meta);
    return li;
  }

  function departmentResult(group) {
    var d = group.dep;
    var li = el('li', 'result');
    li.setAttribute('data-kind', 'department');
    li.setAttribute('data-id', d.county.dir + '/' + d.slug);
    var page = function (year) { return d.county.dir + '/' + year + '/' + d.slug + '/index.html'; };
    var latest = d.years[d.years.length - 1];
    var title = el('p', 'result-title');
    title.appendChild(link(page(latest.year), d.name));
    title.appendChild(document.createTextNode(' '));
    title.appendChild(kindTag('部门' + (d.synthetic ? '（示例数据）' : '')));
    li.appendChild(title);
    var meta = el('p', 'result-meta', d.county.province + d.county.name + ' · ');
    appendList(meta, d.years.slice().reverse().map(function (y) { return link(page(y.year), y.year + ' 年度', d.name); }), '、');
    if (d.years.length > 1) {
      meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(link(d.county.dir + '/departments/' + d.slug + '/index.html', '历年变化', d.name));
    }
    if (latest.total) meta.appendChild(document.createTextNode(' · ' + latest.year + ' 年支出合计 ' + latest.total));
    li.appendChild(meta);
    if (group.hits.length) {
      var ul = el('ul', 'result-hits');
      group.hits.slice(0, MAX_HITS).forEach(function (h) {
        var it = data.items[h.ref.i];
        var years = h.ref.years || d.years.map(function (y) { return y.year; });
        var row = el('li');
        row.appendChild(kindTag(KIND[it.kind]));
        var label = it.kind === 't' ? (it.code ? it.name : '支出决算表') : it.code + ' ' + it.name + (level(it.code) ? '（' + level(it.code) + '）' : '');
        row.appendChild(document.createTextNode(' ' + label + '：'));
        appendList(row, years.slice().reverse().map(function (y) {
          var info = d.years.filter(function (x) { return x.year === y; })[0] || {};
          var anchor = it.kind === 'f' ? (info.spending || 'expenditure') + '-main-' + it.code
            : it.kind === 'e' ? 'basic_expenditure-main-' + it.code
            : it.code ? 'three_public-main-' + it.code : 'table-three_public';
          var text = y + ' 年度' + (it.kind === 't' && !it.code && info.three_public ? '决算 ' + info.three_public : '');
          return link(page(y) + '#' + anchor, text, d.name + ' ' + it.name);
        }), '、');
        ul.appendChild(row);
      });
      li.appendChild(ul);
      if (group.hits.length > MAX_HITS) li.appendChild(el('p', 'result-more', '另有 ' + (group.hits.length - MAX_HITS) + ' 项匹配，见部门页面的决算表。'));
    }
    return li;
  }

  function show(raw) {
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!data) return;
    var q = raw.trim();
    if (!q) {
      status.textContent = '共 ' + data.counties.length + ' 个地区、' + data.departments.length + ' 个部门。输入部门、地区、支出科目的名称或编码查找。';
      return;
    }
    var terms = q.split(/\s+/).map(norm).filter(function (t) { return t; });
    var groups = terms.length ? search(terms) : [];
    var count = { county: 0, cls: 0, dep: 0 };
    groups.forEach(function (g) { if (g.county) count.county++; else if (g.cls) count.cls++; else count.dep++; });
    if (!groups.length) { status.textContent = '没有找到“' + q + '”。可以换一个词，或只输入名称的一部分（如“公积金”“教育”）。'; return; }
    var parts = [];
    if (count.dep) parts.push(count.dep + ' 个部门');
    if (count.cls) parts.push(count.cls + ' 个分类页面');
    if (count.county) parts.push(count.county + ' 个地区');
    status.textContent = '找到 ' + parts.join('、') + '。' + (groups.length > MAX_GROUPS ? '只显示前 ' + MAX_GROUPS + ' 个，请输入更具体的词。' : '');
    groups.slice(0, MAX_GROUPS).forEach(function (g) {
      list.appendChild(g.county ? countyResult(g.county) : g.cls ? classResult(g.cls) : departmentResult(g));
    });
  }

  function keepInUrl(q) {
    var url = new URL(location.href);
    if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  }

  fetch(list.getAttribute('data-index')).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(function (ix) {
    data = prepare(ix);
    var q = new URLSearchParams(location.search).get('q') || '';
    input.value = q;
    show(q);
  }).catch(function () { status.textContent = '无法读取搜索索引（search-index.json）。'; });

  input.addEventListener('input', function () { show(input.value); keepInUrl(input.value); });
  document.getElementById('search-form').addEventListener('submit', function (e) {
    e.preventDefault();
    show(input.value);
    keepInUrl(input.value);
  });
})();
