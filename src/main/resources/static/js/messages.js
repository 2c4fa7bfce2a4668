// Message pages: refuse a file over the size limit before it is sent, so what was typed stays in
// the form (the server refuses it too, but a very large request cannot carry the text back).
(function () {
  'use strict';
  var input = document.getElementById('message-file');
  var error = document.getElementById('file-error');
  if (!input || !error) {
    return;
  }
  var max = parseInt(input.getAttribute('data-max-bytes'), 10);
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (file && max && file.size > max) {
      error.textContent = 'This file is ' + (Math.ceil(file.size * 10 / 1048576) / 10).toFixed(1) +
        ' MB; files can be up to 10 MB. Please choose a smaller file. Your message is still here.';
      input.setAttribute('aria-invalid', 'true');
      input.value = '';
      input.focus();
    } else {
      error.textContent = '';
      input.setAttribute('aria-invalid', 'false');
    }
  });
}());
