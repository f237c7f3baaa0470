// Draws the tracking pages' charts (scorecards, escalation, places
// compared) with ECharts, from the numbers the server put in data-values
// attributes. Every chart stands beside a table with the same numbers, so
// the pages read the same without scripts. Loaded with defer, after echarts.min.js.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') return;
  document.documentElement.classList.add('js');
  var colors = { met: '#2e7d32', missed: '#b3261e', partly_met: '#9ccc65', not_mentioned: '#f0a44b', unverified: '#9e9e9e', not_assessable: '#d7ccc8' };
  // Tooltips are HTML: names from reports must be escaped.
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function yearsOption(d) {
    var names = { met: '达成', missed: '未达成', partly_met: '部分达成', not_mentioned: '未提及', unverified: '待核实', not_assessable: '不可评估' };
    return {
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: d.years.map(String) },
      yAxis: { type: 'value', minInterval: 1 },
      series: ['met', 'missed', 'partly_met', 'not_mentioned', 'unverified', 'not_assessable'].map(function (k) {
        return { name: names[k], type: 'bar', stack: 'all', itemStyle: { color: colors[k] }, data: d[k] };
      })
    };
  }
  function seriesOption(d) {
    return {
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + escapeHtml(d.unit); } },
      xAxis: { type: 'category', data: d.years.map(String) },
      yAxis: { type: 'value', scale: true, name: d.unit },
      series: [
        { name: '目标', type: 'line', step: 'middle', itemStyle: { color: '#555' }, data: d.target },
        { name: '实际', type: 'line', connectNulls: false, symbolSize: 8, itemStyle: { color: '#b3261e' }, data: d.outcome }
      ]
    };
  }
  function escalationOption(d) {
    return {
      grid: { left: 110, right: 90, top: 10, bottom: 30 },
      tooltip: { formatter: function (p) {
        var m = d.markups[p.dataIndex];
        return escapeHtml(p.name.trim()) + '：' + p.value + escapeHtml(d.unit) + (m ? '（加码 ' + escapeHtml(m) + '）' : '');
      } },
      xAxis: { type: 'value', scale: true, name: d.unit },
      yAxis: { type: 'category', inverse: true, data: d.names },
      series: [{ type: 'bar', barMaxWidth: 22, itemStyle: { color: '#b3261e' }, data: d.values,
                 label: { show: true, position: 'right', formatter: function (p) { return d.markups[p.dataIndex] || ''; } } }]
    };
  }
  // A place's figures of `key` (target, outcome) aligned with d.years,
  // null where it has none.
  function byYear(d, place, key) {
    return d.years.map(function (y) {
      var point = place.points.filter(function (p) { return p.year === y; })[0];
      return point && point[key] !== undefined ? point[key] : null;
    });
  }
  var palette = ['#b3261e', '#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f'];
  // Places compared, across the years: each place's targets as a line and
  // its outcomes as dots of the same colour.
  function placesOption(d) {
    var series = [];
    d.places.forEach(function (p, i) {
      var color = palette[i % palette.length];
      series.push({ name: p.name, type: 'line', connectNulls: true, itemStyle: { color: color }, data: byYear(d, p, 'target') });
      series.push({ name: p.name + '实际', type: 'scatter', symbolSize: 9, itemStyle: { color: color }, data: byYear(d, p, 'outcome') });
    });
    return {
      legend: { top: 0, data: d.places.map(function (p) { return p.name; }) },
      grid: { left: 60, right: 20, top: 50, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + escapeHtml(d.unit); } },
      xAxis: { type: 'category', data: d.years.map(String) },
      yAxis: { type: 'value', scale: true, name: d.unit },
      series: series
    };
  }
  // Places compared in one year: target and outcome side by side.
  function placesYearOption(d) {
    var at = d.years.indexOf(d.year);
    var pick = function (key) {
      return d.places.map(function (p) { return at < 0 ? null : byYear(d, p, key)[at]; });
    };
    return {
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + escapeHtml(d.unit); } },
      xAxis: { type: 'category', data: d.places.map(function (p) { return p.name; }) },
      yAxis: { type: 'value', name: d.unit },
      series: [
        { name: '目标', type: 'bar', barMaxWidth: 28, itemStyle: { color: '#555' }, data: pick('target') },
        { name: '实际', type: 'bar', barMaxWidth: 28, itemStyle: { color: '#b3261e' }, data: pick('outcome') }
      ]
    };
  }
  var builders = { years: yearsOption, series: seriesOption, escalation: escalationOption,
                   places: placesOption, places_year: placesYearOption };
  var boxes = document.querySelectorAll('.chart-box[data-tracking]');
  Array.prototype.forEach.call(boxes, function (box) {
    var build = builders[box.getAttribute('data-tracking')];
    if (!build) return;
    var data = JSON.parse(box.getAttribute('data-values'));
    if (box.getAttribute('data-tracking') === 'escalation') {
      box.style.height = Math.max(200, 40 + 28 * data.names.length) + 'px';
    }
    var chart = echarts.init(box);
    chart.setOption(build(data));
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
