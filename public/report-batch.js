// Progressive enhancement of the report batch page: polls the job's JSON status and updates the
// progress bar and the status text in place (the status is a live region, so screen readers hear
// the count). Without JavaScript the page reloads itself every two seconds instead (a <noscript>
// refresh), so both ways end at the same download link or the same error message.
(function () {
  'use strict';
  var box = document.querySelector('[data-batch-status]');
  if (!box || !window.fetch) return;
  var url = box.getAttribute('data-batch-status');
  var bar = box.querySelector('progress');
  var text = box.querySelector('[data-batch-text]');
  var running = box.querySelector('[data-batch-running]');
  var done = box.querySelector('[data-batch-done]');
  var failed = box.querySelector('[data-batch-failed]');
  var error = box.querySelector('[data-batch-error]');
  var lastText = '';

  function show(state) {
    bar.max = Math.max(state.total, 1);
    bar.value = state.done;
    bar.textContent = state.progressText;
    // Only a changed text is written, so the live region does not repeat itself.
    if (state.statusText !== lastText) {
      text.textContent = state.statusText;
      lastText = state.statusText;
    }
    if (state.status === 'running') return;
    if (running) running.hidden = true;
    if (state.status === 'done') done.hidden = false;
    if (state.status === 'failed') {
      if (error && state.errorText) error.textContent = state.errorText;
      failed.hidden = false;
    }
  }

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (state) {
        show(state);
        if (state.status === 'running') window.setTimeout(poll, 1000);
      })
      .catch(function () {
        // A lost request is retried a little later; the next answer puts the page right.
        window.setTimeout(poll, 3000);
      });
  }

  poll();
})();
