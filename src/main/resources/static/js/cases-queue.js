// The case queue: "select this page" ticks every case's box for a bulk step.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var all = document.getElementById('pick-all');
    if (!all) { return; }
    var boxes = function () { return document.querySelectorAll('input[name="ids"][form="bulk"]'); };
    all.addEventListener('change', function () {
      boxes().forEach(function (b) { b.checked = all.checked; });
    });
  });
})();
