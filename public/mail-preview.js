// The mail texts page works without JavaScript ("Förhandsgranska" shows the preview from the
// server). With it, this script keeps the preview up to date while the coordinator types: a
// moment after the typing stops it posts the form to the page's preview address
// (data-preview), which answers with the mail as a recipient reads it, or with the problems.
// The preview region is aria-live, so a screen reader hears the change without losing its place.
(function () {
  'use strict';
  var TYPING_DELAY_MS = 600;

  function start(form) {
    var url = form.getAttribute('data-preview');
    var region = document.getElementById('mail-preview');
    if (!url || !region || !window.fetch || !window.URLSearchParams || !window.FormData) return;
    var csrf = form.querySelector('input[name="_csrf"]');
    var timer = null;
    var latest = 0;

    function element(tag, text) {
      var node = document.createElement(tag);
      node.textContent = text;
      return node;
    }

    function show(answer) {
      var parts = [];
      if (answer.preview) {
        var subject = element('p', '');
        subject.appendChild(element('strong', answer.subjectLabel));
        var subjectText = element('span', answer.preview.subject);
        subjectText.lang = 'sv';
        subject.appendChild(subjectText);
        parts.push(subject);
        var body = element('pre', answer.preview.text);
        body.className = 'mail-body';
        body.lang = 'sv';
        parts.push(body);
      } else {
        parts.push(element('p', answer.message || ''));
        var list = document.createElement('ul');
        answer.errors.forEach(function (error) {
          list.appendChild(element('li', error.message));
        });
        if (answer.errors.length > 0) parts.push(list);
      }
      region.replaceChildren.apply(region, parts);
    }

    function refresh() {
      timer = null;
      var asked = ++latest;
      var body = new URLSearchParams(new FormData(form));
      body.delete('action');
      fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf ? csrf.value : '', accept: 'application/json' },
        body: body.toString(),
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          // Only the answer to the latest question counts: typing may overtake a slow reply.
          if (answer && asked === latest) show(answer);
        })
        .catch(function () {
          // Without an answer the preview stays as it was; the button still works.
        });
    }

    form.addEventListener('input', function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(refresh, TYPING_DELAY_MS);
    });
  }

  var form = document.querySelector('form[data-preview]');
  if (form) start(form);
})();
