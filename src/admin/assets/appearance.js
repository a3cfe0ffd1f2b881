// Réglages → Apparence: the hexadecimal value shown beside each colour picker follows the picker while it moves.
// Without this script the page works the same; the value shown is then the one saved.
(function () {
  'use strict';
  document.querySelectorAll('.color-pair input[type=color]').forEach(function (picker) {
    var shown = picker.parentElement.querySelector('.color-hex');
    if (!shown) return;
    picker.addEventListener('input', function () {
      shown.textContent = picker.value;
    });
  });
})();
