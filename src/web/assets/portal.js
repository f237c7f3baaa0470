// Draws the targets explorer's charts with ECharts, from the numbers the
// server put in data-series attributes. The pages work without this file:
// every chart has a table with the same numbers, shown when scripts are off.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') return;
  document.documentElement.classList.add('js');
  // 1300000 → "130万": axis labels short enough for a phone.
  function compact(v) {
    if (Math.abs(v) >= 1e8) return +(v / 1e8).toFixed(2) + '亿';
    if (Math.abs(v) >= 1e4) return +(v / 1e4).toFixed(2) + '万';
    return String(v);
  }
  // Tooltips are HTML: names from reports must be escaped.
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  var boxes = document.querySelectorAll('.chart-box[data-series]');
  Array.prototype.forEach.call(boxes, function (box) {
    var series = JSON.parse(box.getAttribute('data-series'));
    var chart = echarts.init(box);
    var option;
    if (box.getAttribute('data-chart') === 'bar') {
      option = {
        grid: { left: 90, right: 20, top: 10, bottom: 30 },
        tooltip: { formatter: function (p) { return escapeHtml(p.name) + '：' + p.value; } },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', inverse: true, data: series.map(function (s) { return s.name; }) },
        series: [{ type: 'bar', barMaxWidth: 28, itemStyle: { color: '#b3261e' }, data: series.map(function (s) { return s.value; }) }]
      };
    } else {
      option = {
        grid: { left: 60, right: 20, top: 10, bottom: 40 },
        tooltip: { formatter: function (p) { return escapeHtml(p.data[2]) + '<br>' + p.data[0] + '年：' + compact(p.data[1]); } },
        xAxis: { type: 'value', name: '年份', min: 'dataMin', max: 'dataMax', minInterval: 1,
                 axisLabel: { formatter: function (v) { return String(v); } } },
        yAxis: { type: 'value', scale: true, axisLabel: { formatter: compact } },
        series: [{ type: 'scatter', symbolSize: 12, itemStyle: { color: '#b3261e' }, data: series }]
      };
    }
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
