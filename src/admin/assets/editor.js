// Article editor: the markup toolbar (insert SPIP shortcuts around the selection), the live preview
// (the form's text fields posted to /ecrire/articles/apercu while typing, at most every 600 ms), and the edit
// lock (POST …/verrou when the editor opens and every five minutes while it stays open: opening a page
// changes nothing on the server).
(function () {
  'use strict';
  var form = document.getElementById('article-form');
  if (!form) return;

  document.querySelectorAll('.toolbar').forEach(function (bar) {
    bar.hidden = false;
    var area = document.getElementById(bar.getAttribute('data-target'));
    bar.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button || !area) return;
      var before = button.getAttribute('data-before') || '';
      var after = button.getAttribute('data-after') || '';
      var start = area.selectionStart, end = area.selectionEnd, value = area.value;
      area.value = value.slice(0, start) + before + value.slice(start, end) + after + value.slice(end);
      area.focus();
      area.setSelectionRange(start + before.length, end + before.length);
      schedule();
    });
  });

  var preview = document.getElementById('preview');
  var url = form.getAttribute('data-preview-url');
  var csrf = form.querySelector('input[name="_csrf"]');
  var timer = null;
  var sequence = 0;

  function refresh() {
    var mine = ++sequence;
    var body = new URLSearchParams();
    ['surtitle', 'title', 'subtitle', 'lead', 'text', 'postscript'].forEach(function (name) {
      var input = form.elements.namedItem(name);
      if (input) body.append(name, input.value);
    });
    body.append('_csrf', csrf ? csrf.value : '');
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'x-csrf-token': csrf ? csrf.value : '' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        // The server renders through the markup engine's allow-list: this fragment is safe to insert.
        if (html !== null && mine === sequence) preview.innerHTML = html;
      })
      .catch(function () {});
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 600);
  }

  form.addEventListener('input', function (event) {
    if (event.target && /^(surtitle|title|subtitle|lead|text|postscript)$/.test(event.target.name)) schedule();
  });
  if (preview && !preview.firstElementChild) refresh();

  var lockUrl = form.getAttribute('data-lock-url');
  function lock() {
    var body = new URLSearchParams();
    body.append('_csrf', csrf ? csrf.value : '');
    fetch(lockUrl, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'x-csrf-token': csrf ? csrf.value : '' } }).catch(function () {});
  }
  if (lockUrl) {
    lock();
    setInterval(lock, 5 * 60 * 1000);
  }
})();
