// Glossary tooltips, on top of the CSS that already shows them on hover and focus:
// - Escape hides the shown definition without moving focus or pointer (WCAG 1.4.13, dismissible);
// - on a touch screen, a first tap on a term shows its definition, a second tap follows the link;
// - a tooltip that would overflow the right edge of the window is shifted left.
(() => {
  const TERM = '.glossary-term';
  const OPEN = 'is-open';
  const DISMISSED = 'is-dismissed';
  let touchedTerm = null;

  const closeAll = (except) => {
    for (const term of document.querySelectorAll(`${TERM}.${OPEN}`)) {
      if (term !== except) term.classList.remove(OPEN);
    }
  };

  const fit = (term) => {
    const tip = term.querySelector('.glossary-term__tip');
    if (!tip) return;
    tip.style.removeProperty('--glossary-shift');
    const overflow = tip.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) tip.style.setProperty('--glossary-shift', `${-Math.ceil(overflow)}px`);
  };

  const show = (event) => {
    const term = event.target instanceof Element ? event.target.closest(TERM) : null;
    if (!term) return;
    term.classList.remove(DISMISSED);
    fit(term);
  };
  document.addEventListener('mouseover', show);
  document.addEventListener('focusin', show);

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const term of document.querySelectorAll(TERM)) {
      if (term.matches(`:hover, :focus-within, .${OPEN}`)) {
        term.classList.add(DISMISSED);
        term.classList.remove(OPEN);
      }
    }
  });

  document.addEventListener('pointerdown', (event) => {
    touchedTerm = event.pointerType === 'touch' && event.target instanceof Element ? event.target.closest(TERM) : null;
  });

  document.addEventListener('click', (event) => {
    const term = event.target instanceof Element ? event.target.closest(TERM) : null;
    if (term && term === touchedTerm && !term.classList.contains(OPEN)) {
      event.preventDefault();
      closeAll(term);
      term.classList.remove(DISMISSED);
      term.classList.add(OPEN);
      fit(term);
    } else if (!term) {
      closeAll(null);
    }
    touchedTerm = null;
  });
})();
