// The survey's pages work without JavaScript (every button saves the page). With it, this script:
// - saves each choice as it is made (the whole page's form, to …/autosave, the same save as the
//   buttons), so closing the browser mid-page loses nothing; a comment is saved a moment after
//   the typing stops, and at the latest when the page is left;
// - says in a status line that the answers are saved, or that they could not be;
// - after a page change (a button, or "Ändra" on the review) moves focus to the new page's
//   heading, so a screen reader starts reading there instead of at the top of the document.
(function () {
  'use strict';
  var NAVIGATED = 'mogna-survey-navigated';
  var TYPING_DELAY_MS = 1200;

  function remember() {
    try {
      sessionStorage.setItem(NAVIGATED, '1');
    } catch {
      // Storage can be off (private modes); focus then stays where the browser puts it.
    }
  }

  function focusHeadingAfterNavigation() {
    var navigated = false;
    try {
      navigated = sessionStorage.getItem(NAVIGATED) === '1';
      sessionStorage.removeItem(NAVIGATED);
    } catch {
      return;
    }
    // A page that came back with errors focuses its error summary instead.
    if (!navigated || document.querySelector('.error-summary')) return;
    var heading = document.querySelector('main h1');
    if (heading) heading.focus();
  }

  function autosave(form) {
    var url = form.getAttribute('data-autosave');
    var status = document.getElementById('autosave-status');
    if (!url || !window.fetch || !window.URLSearchParams || !window.FormData) return;
    var running = false;
    var pending = false;
    var typing = null;

    function say(text) {
      if (status && status.textContent !== text) status.textContent = text;
    }

    function save() {
      if (typing) {
        clearTimeout(typing);
        typing = null;
      }
      if (running) {
        pending = true; // one more save with the latest state once this one is done
        return;
      }
      running = true;
      var body = new URLSearchParams(new FormData(form));
      body.delete('action');
      fetch(url, {
        method: 'POST',
        body: body,
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
        // Finishes even if the page is being closed.
        keepalive: true,
      })
        .then(function (response) {
          say(response.ok ? form.getAttribute('data-saved-text') : form.getAttribute('data-failed-text'));
        })
        .catch(function () {
          say(form.getAttribute('data-failed-text'));
        })
        .then(function () {
          running = false;
          if (pending) {
            pending = false;
            save();
          }
        });
    }

    form.addEventListener('change', save);
    form.addEventListener('input', function (event) {
      if (event.target && event.target.tagName === 'TEXTAREA') {
        if (typing) clearTimeout(typing);
        typing = setTimeout(save, TYPING_DELAY_MS);
      }
    });
    // A comment typed just before the page is closed.
    window.addEventListener('pagehide', function () {
      if (typing) save();
    });
    form.addEventListener('submit', function () {
      if (typing) clearTimeout(typing);
      typing = null;
      remember();
    });
  }

  document.querySelectorAll('a[href*="?return=review"]').forEach(function (link) {
    link.addEventListener('click', remember);
  });
  var form = document.querySelector('form[data-autosave]');
  if (form) autosave(form);
  focusHeadingAfterNavigation();
})();
