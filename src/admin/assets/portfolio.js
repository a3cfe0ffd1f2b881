// The article editor's portfolio (pages/article-portfolio.tsx): the buttons that insert `<imgN>`, `<docN|left>`…
// at the cursor of the text being written (lead, text or postscript: the last one focused), and uploads by fetch,
// from the file field or files dropped on the editor. An upload sends the file alone, never the article form: the
// text typed and not yet saved stays in the page whatever the answer, and only the list of documents is replaced.
// Every message comes from the page (data-* attributes), in the back office's language.
(function () {
  'use strict';
  var portfolio = document.getElementById('portfolio');
  var form = document.getElementById('article-form');
  if (!portfolio || !form) return;
  portfolio.classList.add('portfolio--script');

  var content = document.getElementById('portfolio-content');
  var progress = document.getElementById('portfolio-progress');
  var uploadUrl = portfolio.getAttribute('data-upload-url');
  var maxBytes = Number(portfolio.getAttribute('data-max-bytes'));
  var csrf = form.querySelector('input[name="_csrf"]');
  var fileInput = document.getElementById('f-documentFile');
  var titleInput = document.getElementById('f-documentTitle');
  var altInput = document.getElementById('f-documentAlt');
  var attach = document.getElementById('portfolio-attach');

  // With script, the upload's fields belong to no form: saving the article (or an autosave) never carries them,
  // and Enter in them does not save the article.
  [fileInput, titleInput, altInput, attach].forEach(function (element) {
    if (element) element.removeAttribute('form');
  });

  // Insertion at the cursor of the last text field focused (the text until one is).
  var target = document.getElementById('f-text');
  ['f-lead', 'f-text', 'f-postscript'].forEach(function (id) {
    var area = document.getElementById(id);
    if (area) area.addEventListener('focus', function () { target = area; });
  });
  portfolio.addEventListener('click', function (event) {
    var button = event.target.closest('[data-insert]');
    if (!button || !target) return;
    var code = button.getAttribute('data-insert');
    var start = target.selectionStart, end = target.selectionEnd, value = target.value;
    target.value = value.slice(0, start) + code + value.slice(end);
    target.focus();
    target.setSelectionRange(start + code.length, start + code.length);
    // As if typed: the preview (editor.js) follows.
    target.dispatchEvent(new Event('input', { bubbles: true }));
  });

  if (!uploadUrl || !fileInput || !attach) return;

  function message(name, values) {
    var text = portfolio.getAttribute('data-' + name) || '';
    Object.keys(values || {}).forEach(function (key) { text = text.replace('{' + key + '}', values[key]); });
    return text;
  }

  function showError(text) {
    var notice = document.createElement('div');
    notice.className = 'notice notice--error';
    notice.setAttribute('role', 'alert');
    notice.textContent = text;
    var previous = content.querySelector(':scope > .notice');
    if (previous) previous.remove();
    content.insertBefore(notice, content.firstChild);
  }

  /** Posts an upload; the server's list replaces ours, whatever it says (a refusal carries its message). */
  function post(body) {
    body.append('_csrf', csrf ? csrf.value : '');
    return fetch(uploadUrl, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'x-csrf-token': csrf ? csrf.value : '', 'x-tisse-fragment': 'portfolio' } })
      .then(function (response) {
        // Only the server's list is put in the page; any other answer (a page of error) is told in one line.
        if (response.headers.get('x-tisse-fragment') !== 'portfolio') {
          showError(message('failed', { status: String(response.status) }));
          return;
        }
        return response.text().then(function (html) {
          // The server renders the list (every text escaped): this fragment is safe to insert.
          content.innerHTML = html;
          if (response.ok) {
            fileInput.value = '';
            titleInput.value = '';
            altInput.value = '';
          }
        });
      })
      .catch(function () { showError(message('offline')); });
  }

  function send(file, fields) {
    if (file.size > maxBytes) {
      showError(message('too-large'));
      return Promise.resolve();
    }
    var body = new FormData();
    body.append('documentFile', file, file.name);
    body.append('documentTitle', fields.title);
    body.append('documentAlt', fields.alt);
    progress.textContent = message('uploading', { name: file.name });
    return post(body).then(function () { progress.textContent = ''; });
  }

  /** Sends files one after the other; the title and alt typed go with a single file only. */
  function sendAll(files) {
    var list = Array.prototype.slice.call(files);
    var fields = list.length === 1 ? { title: titleInput.value, alt: altInput.value } : { title: '', alt: '' };
    attach.disabled = true;
    return list
      .reduce(function (chain, file) { return chain.then(function () { return send(file, fields); }); }, Promise.resolve())
      .then(function () { attach.disabled = false; });
  }

  attach.addEventListener('click', function (event) {
    event.preventDefault();
    // No file chosen: the server says what is missing, in its words, as for any refused upload.
    if (fileInput.files.length === 0) post(new FormData());
    else sendAll(fileInput.files);
  });
  [titleInput, altInput].forEach(function (input) {
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        attach.click();
      }
    });
  });

  // Files dropped anywhere on the editor are attached; dropped elsewhere on the page they are refused, so that the
  // browser does not leave the page to open them (and lose the text being written).
  var zone = document.querySelector('.editor') || form;
  zone.setAttribute('data-drop-here', message('drop-here'));
  function carriesFiles(event) {
    return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0;
  }
  var depth = 0;
  document.addEventListener('dragenter', function (event) {
    if (!carriesFiles(event)) return;
    depth++;
    zone.classList.add('editor--dropping');
  });
  document.addEventListener('dragleave', function (event) {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('editor--dropping');
  });
  document.addEventListener('dragover', function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = zone.contains(event.target) ? 'copy' : 'none';
  });
  document.addEventListener('drop', function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth = 0;
    zone.classList.remove('editor--dropping');
    if (zone.contains(event.target) && event.dataTransfer.files.length) sendAll(event.dataTransfer.files);
  });
})();
