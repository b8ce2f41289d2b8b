// The case queue: "select this page" ticks every case's box for a bulk step; the departments show
// only while the bulk step is a dispatch.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var action = document.getElementById('bulk-action');
    if (action) {
      var only = function () {
        document.querySelectorAll('#bulk .dispatch-only').forEach(function (l) { l.hidden = action.value !== 'dispatch'; });
      };
      action.addEventListener('change', only);
      only();
    }
    var all = document.getElementById('pick-all');
    if (!all) { return; }
    var boxes = function () { return document.querySelectorAll('input[name="ids"][form="bulk"]'); };
    all.addEventListener('change', function () {
      boxes().forEach(function (b) { b.checked = all.checked; });
    });
  });
})();
