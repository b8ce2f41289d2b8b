// A short confirmation ("saved", "sent again") floats above the page as a toast instead of pushing
// it down: it can be closed, and leaves by itself after a while unless the pointer or focus is on
// it. Without script it stays where it is written, at the top of the page.
(function () {
  'use strict';
  var SHOWN_MS = 8000;
  document.addEventListener('DOMContentLoaded', function () {
    var label = document.querySelector('meta[name="gongzhi-dismiss"]');
    document.querySelectorAll('main .toast').forEach(function (toast) {
      toast.classList.add('floating');
      // on a wide screen just under the header, however many rows its links take
      var header = document.querySelector('header.bar');
      if (header && window.matchMedia('(min-width: 640px)').matches) {
        toast.style.top = Math.max(16, header.getBoundingClientRect().bottom + 12) + 'px';
      }
      var close = document.createElement('button');
      close.type = 'button';
      close.className = 'toast-close';
      close.setAttribute('aria-label', label ? label.content : '×');
      close.addEventListener('click', function () { toast.hidden = true; });
      toast.appendChild(close);
      var held = false;
      ['mouseenter', 'focusin'].forEach(function (e) { toast.addEventListener(e, function () { held = true; }); });
      ['mouseleave', 'focusout'].forEach(function (e) { toast.addEventListener(e, function () { held = false; }); });
      (function leaveLater() {
        setTimeout(function () { if (held) { leaveLater(); } else { toast.hidden = true; } }, SHOWN_MS);
      })();
    });
  });
})();
