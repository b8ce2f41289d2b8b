// A button that undoes, refuses or sends back work asks first: its data-confirm text, in the
// page's language; the form is sent only if the person says yes.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });
})();
