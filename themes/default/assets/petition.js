// The petition form of an article page: the page is cached and shared, so its form carries no token. When the
// form is first shown (scrolled into view, or a field focused), this asks the server for the token of this view
// (GET /petition/jeton, never cached); the minimum delay before sending counts from then. Without it (no script,
// or a click before the answer), the form posts no token and the server answers with the form again, filled, and a token.
(() => {
  const form = document.getElementById('petition-formulaire');
  const field = form && form.querySelector('input[name="token"]');
  const url = form && form.dataset.jeton;
  if (!form || !field || !url) return;
  let asked = false;

  const ask = () => {
    if (asked || field.value) return;
    asked = true;
    fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      .then((response) => (response.ok ? response.text() : ''))
      .then((token) => {
        if (token && !field.value) field.value = token;
      })
      .catch(() => {
        asked = false;
      });
  };

  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        ask();
      }
    });
    observer.observe(form);
  } else {
    ask();
  }
  form.addEventListener('focusin', ask);
})();
