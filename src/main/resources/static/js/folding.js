// Filters that fold away on a phone (<details class="fold">) unless one is in use, so a list starts near the top.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.matchMedia('(max-width: 639.98px)').matches) { return; }
    document.querySelectorAll('details.fold').forEach(function (d) {
      if (d.dataset.inUse !== 'true') { d.open = false; }
    });
  });
})();
