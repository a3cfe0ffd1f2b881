// Article editor autosave (decision 016). Every 20 seconds, and when the page is hidden or left, a form that
// changed since its last save is posted to its autosave URL (…/brouillon: the Save button's operation, with its
// permission check and its 409 when someone saved since the form was loaded; JSON answers). After each save the
// form's expectedUpdatedAt becomes the saved version's, so the next save, automatic or by hand, builds on it. A
// conflict stops autosaving and shows a notice linking to the revisions: the typed text stays in the form. The
// preview button and the workflow buttons (forms marked data-save-first) wait for a save in flight, or make one.
(function () {
  'use strict';
  var form = document.getElementById('article-form');
  var status = document.getElementById('autosave-status');
  if (!form || !status) return;
  status.hidden = false;
  var url = form.getAttribute('data-autosave-url');
  if (!url) return;

  var EVERY_MS = 20 * 1000;
  // Browsers refuse a keepalive request (the one that may outlive the page) over 64 KB.
  var KEEPALIVE_LIMIT = 60 * 1024;
  var csrf = form.querySelector('input[name="_csrf"]');
  var expected = form.querySelector('input[name="expectedUpdatedAt"]');
  var pending = null;
  var stopped = false;
  var leaving = false;

  // The form's values, without the version it builds on: what "changed since the last save" compares.
  function snapshot() {
    var body = new URLSearchParams(new FormData(form));
    body.delete('expectedUpdatedAt');
    return body.toString();
  }
  var lastSaved = snapshot();

  function changed() {
    return !stopped && snapshot() !== lastSaved;
  }

  // Routine news is written quietly; a warning (a conflict, a failure) is announced.
  function show(text, kind, link) {
    status.className = kind ? 'autosave-status notice notice--' + kind : 'autosave-status';
    if (kind) status.setAttribute('role', 'alert');
    else status.removeAttribute('role');
    status.textContent = text;
    if (link) {
      var a = document.createElement('a');
      a.href = link.href;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = link.label;
      status.appendChild(document.createTextNode(' '));
      status.appendChild(a);
    }
  }

  // Resolves to true (saved, or nothing to save), false (refused: the answer says why) or null (no answer: retried).
  function save(options) {
    if (pending) return pending;
    if (!changed()) return Promise.resolve(true);
    var sent = snapshot();
    var body = new URLSearchParams(new FormData(form));
    var keepalive = Boolean(options && options.leaving) && body.toString().length < KEEPALIVE_LIMIT;
    show(status.getAttribute('data-saving'));
    pending = fetch(url, { method: 'POST', body: body, credentials: 'same-origin', keepalive: keepalive, headers: { 'x-csrf-token': csrf ? csrf.value : '' } })
      .then(function (response) {
        var isJson = /application\/json/.test(response.headers.get('content-type') || '');
        return (isJson ? response.json() : Promise.resolve(null)).then(function (answer) {
          if (response.ok && answer) {
            lastSaved = sent;
            if (expected) expected.value = answer.updatedAt;
            show(answer.message);
            return true;
          }
          if (response.status >= 500) throw new Error('server');
          if (answer && answer.status === 'invalid') {
            // Kept unsaved until the field is corrected: the next change is tried again.
            lastSaved = sent;
            show(answer.message, 'warning');
            return false;
          }
          stopped = true;
          show(answer ? answer.message : status.getAttribute('data-stopped'), 'warning', answer && answer.link);
          return false;
        });
      })
      .catch(function () {
        show(status.getAttribute('data-failed'), 'warning');
        return null;
      })
      .then(function (outcome) {
        pending = null;
        return outcome;
      });
    return pending;
  }

  setInterval(function () {
    if (!leaving) save();
  }, EVERY_MS);

  function onLeave() {
    if (!leaving && changed()) save({ leaving: true });
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') onLeave();
  });
  window.addEventListener('pagehide', onLeave);

  // A form sent while a save is in flight would carry the version that save replaces (a 409 against oneself):
  // it waits. The preview button saves what was typed first (its page then builds on that version); a workflow
  // button too, and is sent only once that is saved, so no typed text is left behind. Save sends the text itself.
  var resent = false;
  function sendAfterSave(target, event, options) {
    if (resent || (!pending && !(options.saveFirst && changed()))) {
      resent = false;
      leaving = true;
      return;
    }
    event.preventDefault();
    var submitter = event.submitter;
    (pending || Promise.resolve(true))
      .then(function (outcome) {
        return options.saveFirst ? save() : outcome;
      })
      .then(function (outcome) {
        if (options.onlyIfSaved && outcome !== true) return;
        resent = true;
        if (submitter) target.requestSubmit(submitter);
        else target.requestSubmit();
      });
  }
  form.addEventListener('submit', function (event) {
    sendAfterSave(form, event, { saveFirst: Boolean(event.submitter && event.submitter.name === 'apercu'), onlyIfSaved: false });
  });
  document.querySelectorAll('form[data-save-first]').forEach(function (other) {
    other.addEventListener('submit', function (event) {
      sendAfterSave(other, event, { saveFirst: true, onlyIfSaved: true });
    });
  });
})();
