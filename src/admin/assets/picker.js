// The related-articles picker's search (pages/article-editor.tsx): typing in the search field asks
// GET /ecrire/articles/choix?q=… (every article the user may see, the edited one left out) and lists the results;
// "Ajouter" puts the article in the related-articles select, chosen. Without this script, the select alone offers
// the most recent articles and those already chosen.
(function () {
  'use strict';
  var box = document.querySelector('.picker[data-picker-url]');
  if (!box || !window.fetch) return;
  var select = document.getElementById(box.getAttribute('data-picker-select'));
  var input = box.querySelector('input[type="search"]');
  var status = box.querySelector('.picker-status');
  var list = box.querySelector('.picker-results');
  if (!select || !input || !status || !list) return;
  box.hidden = false;
  var timer = null;
  var asked = 0;

  function address(q, page) {
    var params = new URLSearchParams({ q: q });
    var exclude = box.getAttribute('data-picker-exclude');
    if (exclude) params.set('exclure', exclude);
    if (page > 1) params.set('page', String(page));
    return box.getAttribute('data-picker-url') + '?' + params.toString();
  }

  function choose(result) {
    var option = select.querySelector('option[value="' + result.id + '"]');
    if (!option) {
      option = document.createElement('option');
      option.value = String(result.id);
      option.textContent = result.title;
      select.appendChild(option);
    }
    option.selected = true;
    // The editor's autosave and preview listen to the form's changes.
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function show(data, q, append) {
    if (!append) list.textContent = '';
    var old = list.querySelector('.picker-more');
    if (old) old.remove();
    data.results.forEach(function (result) {
      var item = document.createElement('li');
      var label = document.createElement('span');
      label.textContent = result.title + ' (n° ' + result.id + ', ' + result.statusLabel + ', ' + result.section + ')';
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      button.textContent = box.getAttribute('data-picker-add');
      button.setAttribute('aria-label', box.getAttribute('data-picker-add') + ' : ' + result.title);
      button.addEventListener('click', function () { choose(result); button.disabled = true; });
      item.appendChild(label);
      item.appendChild(button);
      list.appendChild(item);
    });
    if (data.page < data.pages) {
      var more = document.createElement('li');
      more.className = 'picker-more';
      var next = document.createElement('button');
      next.type = 'button';
      next.className = 'secondary';
      next.textContent = box.getAttribute('data-picker-more');
      next.addEventListener('click', function () { search(q, data.page + 1); });
      more.appendChild(next);
      list.appendChild(more);
    }
    list.hidden = list.children.length === 0;
    status.textContent = data.message;
  }

  function search(q, page) {
    var mine = ++asked;
    fetch(address(q, page), { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
      .then(function (data) { if (mine === asked) show(data, q, page > 1); })
      .catch(function () { if (mine === asked) status.textContent = box.getAttribute('data-picker-failed'); });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (!q) { list.textContent = ''; list.hidden = true; status.textContent = ''; asked++; return; }
    timer = setTimeout(function () { search(q, 1); }, 250);
  });
  // Enter searches at once instead of sending the article form.
  input.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    clearTimeout(timer);
    if (input.value.trim()) search(input.value.trim(), 1);
  });
})();
