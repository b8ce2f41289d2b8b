// A form sent back with problems opens where the first problem is: scrolled to it, with its field
// focused, so a refusal is never below the fold.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var first = document.querySelector('main .field-error');
    if (!first) { return; }
    var field = first.closest('form') && first.closest('form').querySelector('[aria-invalid="true"]');
    (field || first).scrollIntoView({ block: 'center' });
    if (field && field.focus) { field.focus({ preventScroll: true }); }
  });
})();
