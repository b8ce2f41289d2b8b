// The case queue: "select this page" ticks every case's box for a bulk step; on a phone the
// filters fold away unless one is in use, so the cases start near the top.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var filters = document.getElementById('filters');
    if (filters && window.matchMedia('(max-width: 639.98px)').matches && filters.dataset.inUse !== 'true') {
      filters.open = false;
    }
    var all = document.getElementById('pick-all');
    if (!all) { return; }
    var boxes = function () { return document.querySelectorAll('input[name="ids"][form="bulk"]'); };
    all.addEventListener('change', function () {
      boxes().forEach(function (b) { b.checked = all.checked; });
    });
  });
})();
