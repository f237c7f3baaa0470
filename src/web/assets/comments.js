// 换一张 on a report's comment form: with scripts, a new 验证码 image is
// fetched in place (an address no cache holds) and what the reader typed
// stays as it is; clicking the image does the same. Without scripts the
// button posts the form and the page comes back with the text kept and a
// new image.
(function () {
  'use strict';
  var form = document.querySelector('form.comment-form');
  if (!form) return;
  var image = form.querySelector('.captcha img');
  var button = form.querySelector('button[name=huan]');
  var answer = form.querySelector('input[name=captcha]');
  if (!image || !button || !answer) return;
  var renew = function (event) {
    event.preventDefault();
    image.src = '/yanzhengma.png?t=' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    answer.value = '';
    answer.focus();
  };
  button.addEventListener('click', renew);
  image.addEventListener('click', renew);
  image.title = '看不清？点击换一张';
})();
