// Every list table reads on a phone as a stack of cards: each cell is given its column's heading
// as a label (shown before the value below 640 px, by gongzhi.css). Tables laid out as cards of
// their own (the queue, the residents) and wide comparison tables (.wide, scrolled sideways) keep theirs.
(function () {
  'use strict';
  function label(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    if (!heads.length) { return; }
    table.classList.add('stack');
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (td, i) {
        if (heads[i] && !td.hasAttribute('data-label')) { td.setAttribute('data-label', heads[i]); }
      });
    });
  }
  function all(root) {
    (root || document).querySelectorAll('table.report:not(.cards):not(.wide)').forEach(label);
  }
  document.addEventListener('DOMContentLoaded', function () { all(document); });
  // rows that htmx swaps in are labelled too
  document.addEventListener('htmx:afterSwap', function (e) { all(e.target.closest('table') ? e.target.closest('table').parentNode : e.target); });
})();
