// 本文地址: shows the report's address in full, as the reader's browser
// reached the site, with a button that copies it. Without scripts the
// relative link stays and the button is hidden.
(function () {
  'use strict';
  var link = document.querySelector('.permalink a[data-permalink]');
  var button = document.querySelector('.permalink button[data-copy]');
  if (!link || !button) return;
  var full = window.location.origin + link.getAttribute('href');
  link.textContent = full;
  button.hidden = false;
  button.addEventListener('click', function () {
    var done = function () { button.textContent = '已复制'; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(full).then(done, function () { window.prompt('复制本文地址', full); });
    } else {
      window.prompt('复制本文地址', full);
    }
  });
})();
