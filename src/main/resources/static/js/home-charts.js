// The home page's charts: each .chart element carries its kind, labels and values as data
// attributes; the table beside it holds the same figures for screen readers and for when
// ECharts is missing, and is hidden once a chart is drawn.
(function () {
  'use strict';
  var BRAND = '#b3261e';
  var PALETTE = ['#b3261e', '#1a73e8', '#e37400', '#1e7b34', '#7b1fa2', '#00838f', '#5d4037', '#546e7a', '#c2185b'];

  function option(kind, labels, values, narrow) {
    if (kind === 'pie') {
      return {
        color: PALETTE,
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: { type: 'scroll', bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], avoidLabelOverlap: true,
          label: { show: !narrow, formatter: '{b}\n{c}' },
          data: labels.map(function (l, i) { return { name: l, value: values[i] }; }) }]
      };
    }
    if (kind === 'line') {
      return {
        color: [BRAND],
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 16, bottom: 32 },
        xAxis: { type: 'category', data: labels, boundaryGap: false, axisLabel: { hideOverlap: true, showMaxLabel: true } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'line', data: values, smooth: true, areaStyle: { opacity: 0.12 }, symbolSize: 6 }]
      };
    }
    // bars lie down, so that names in Chinese or English are read, not tilted
    return {
      color: [BRAND],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      // long names wrap (a phone has room for about seven characters a line) rather than end in …
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: narrow ? 96 : 180, overflow: 'break', lineHeight: 14 } },
      series: [{ type: 'bar', data: values, barMaxWidth: 22, label: { show: true, position: 'right' } }]
    };
  }

  // 玉林北路社区第1网格, 玉林北路社区第2网格 …: the part every label shares says nothing, so it goes
  function withoutSharedStart(labels) {
    if (labels.length < 2) { return labels; }
    var shared = labels[0];
    labels.forEach(function (l) { while (shared && l.indexOf(shared) !== 0) { shared = shared.slice(0, -1); } });
    if (shared.length < 2 || labels.some(function (l) { return l.length - shared.length < 1; })) { return labels; }
    return labels.map(function (l) { return l.slice(shared.length); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.echarts) { return; }
    var charts = [];
    document.querySelectorAll('.chart[data-kind]').forEach(function (el) {
      var labels = JSON.parse(el.dataset.labels || '[]');
      var values = JSON.parse(el.dataset.values || '[]');
      var narrow = el.clientWidth < 420;
      // on a phone a ring's legend is cut off: the same figures read better as bars
      var kind = el.dataset.kind === 'pie' && narrow ? 'bar' : el.dataset.kind;
      if (kind === 'bar') {
        labels = withoutSharedStart(labels);
        el.style.height = Math.max(160, (narrow ? 40 : 32) * labels.length + 24) + 'px';
      }
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option(kind, labels, values, narrow));
      el.classList.add('drawn');
      charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  });
})();
