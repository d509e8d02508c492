// Progressive enhancement of the ledger upload form: sends the same multipart form with
// XMLHttpRequest so the page can show how much of the file has been sent. The server reads the
// file while it arrives (the importer streams), so upload progress is also parsing progress;
// once every byte is sent the status says the sums are being saved. Without JavaScript the form
// posts normally and works the same.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-ledger-upload]');
  Array.prototype.forEach.call(forms, function (form) {
    var box = form.querySelector('[data-upload-progress]');
    var bar = form.querySelector('progress');
    var status = form.querySelector('[data-upload-status]');
    var button = form.querySelector('button[type="submit"]');
    if (!box || !bar || !status || !window.XMLHttpRequest || !window.FormData) return;

    function say(text) {
      status.textContent = text;
    }

    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type="file"]');
      // Let the server answer an empty choice with its own error message.
      if (!input || !input.files || input.files.length === 0) return;
      event.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.setRequestHeader('Accept', 'application/json, text/html');
      box.hidden = false;
      bar.value = 0;
      if (button) button.disabled = true;
      var lastPercent = -1;
      xhr.upload.addEventListener('progress', function (progress) {
        if (!progress.lengthComputable) return;
        var percent = Math.floor((progress.loaded / progress.total) * 100);
        bar.value = percent;
        // Announce in steps of ten so screen readers are not flooded.
        if (Math.floor(percent / 10) !== Math.floor(lastPercent / 10)) say(status.getAttribute('data-text-uploading').replace('{percent}', percent + ' %'));
        lastPercent = percent;
      });
      xhr.upload.addEventListener('load', function () {
        bar.value = 100;
        bar.removeAttribute('value'); // indeterminate while the server saves
        say(status.getAttribute('data-text-saving'));
      });
      xhr.addEventListener('load', function () {
        var type = xhr.getResponseHeader('content-type') || '';
        if (xhr.status >= 200 && xhr.status < 300 && type.indexOf('application/json') === 0) {
          var body = JSON.parse(xhr.responseText);
          window.location.assign(body.location);
          return;
        }
        // An error page or the form with its error summary: show it as the server sent it.
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      function failed() {
        box.hidden = false;
        bar.value = 0;
        say(status.getAttribute('data-text-failed'));
        if (button) button.disabled = false;
      }
      xhr.addEventListener('error', failed);
      xhr.addEventListener('abort', failed);
      xhr.send(new FormData(form));
    });
  });
})();
