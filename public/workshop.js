// The results workshop's screens (src/modules/workshop): ArrowLeft/ArrowRight and PageUp/PageDown
// follow the page's rel=prev/next links when focus is not in a text field; focus moves to the
// topic's heading on arrival; the notes form saves itself as the facilitator types (debounced
// fetch with the CSRF token in a header) and says so in its polite status line. Without this
// script the links and the Save button do the same.
(function () {
  'use strict';
  var TYPING_DELAY_MS = 1200;

  function inTextField(element) {
    if (!element) return false;
    var tag = element.tagName;
    return tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && element.type !== 'button' && element.type !== 'submit') || element.isContentEditable;
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || inTextField(document.activeElement)) return;
    var rel = event.key === 'ArrowLeft' || event.key === 'PageUp' ? 'prev' : event.key === 'ArrowRight' || event.key === 'PageDown' ? 'next' : null;
    if (!rel) return;
    var link = document.querySelector('a[rel="' + rel + '"]');
    if (!link) return;
    event.preventDefault();
    window.location.assign(link.href);
  });

  var heading = document.getElementById('topic-heading');
  if (heading && !document.querySelector('.error-summary')) heading.focus();

  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) return;
  var status = document.getElementById('workshop-status');
  var url = form.getAttribute('data-autosave');
  var typing = null;
  var running = false;
  var pending = false;

  function say(text) {
    if (status && status.textContent !== text) status.textContent = text;
  }

  function save() {
    if (typing) {
      clearTimeout(typing);
      typing = null;
    }
    if (running) {
      pending = true;
      return;
    }
    running = true;
    var body = new URLSearchParams(new FormData(form));
    var token = body.get('_csrf') || '';
    fetch(url, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': token },
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

  form.addEventListener('input', function (event) {
    if (event.target && event.target.tagName === 'TEXTAREA') {
      if (typing) clearTimeout(typing);
      typing = setTimeout(save, TYPING_DELAY_MS);
    }
  });
  window.addEventListener('pagehide', function () {
    if (typing) save();
  });
  form.addEventListener('submit', function () {
    if (typing) clearTimeout(typing);
    typing = null;
  });
})();
