// Back-office lists (list-parts.tsx): a "check all" box above the row checkboxes, and the bulk form's section
// choice shown only when the action is a move. Without this script the list works the same, row by row.
(function () {
  'use strict';
  var form = document.querySelector('form.bulk-form');
  if (!form) return;
  var all = form.querySelector('.list-check-all');
  var rows = form.querySelectorAll('input[name="ids"]');
  if (all) {
    all.hidden = false;
    all.addEventListener('change', function () {
      for (var i = 0; i < rows.length; i++) rows[i].checked = all.checked;
    });
    form.addEventListener('change', function (event) {
      if (event.target === all || event.target.name !== 'ids') return;
      var checked = 0;
      for (var i = 0; i < rows.length; i++) if (rows[i].checked) checked++;
      all.checked = checked === rows.length;
      all.indeterminate = checked > 0 && checked < rows.length;
    });
  }
  var action = form.querySelector('select[name="action"]');
  var section = form.querySelector('select[name="sectionId"]');
  var sectionField = section && section.closest('.field');
  if (action && sectionField) {
    var update = function () {
      sectionField.hidden = action.value !== 'move';
      section.required = action.value === 'move';
    };
    action.addEventListener('change', update);
    update();
  }
})();
