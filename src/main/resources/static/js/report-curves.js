// The stand-down report's curves: for each directive, the share of its units that had acknowledged,
// step by step from its issue (each directive's own time scale, so quick and slow ones compare).
(function () {
  'use strict';
  var PALETTE = ['#b3261e', '#1a73e8', '#e37400', '#1e7b34', '#7b1fa2', '#00838f'];
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('report-curves');
    if (!el || !window.echarts) { return; }
    var series = JSON.parse(el.dataset.curves || '[]');
    if (!series.length) { el.hidden = true; return; }
    var steps = Math.max.apply(null, series.map(function (s) { return s.data.length; }));
    var narrow = el.clientWidth < 420;
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      color: PALETTE,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 44, right: 16, top: narrow ? 56 : 36, bottom: 32 },
      xAxis: { type: 'category', boundaryGap: false, data: Array.from({ length: steps }, function (_, i) { return i; }),
        name: el.dataset.axis, nameLocation: 'middle', nameGap: 22, axisLabel: { show: false } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: series.map(function (s) { return { type: 'line', name: s.name, data: s.data, smooth: true, showSymbol: false }; })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
