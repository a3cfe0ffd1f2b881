// The team's bar: on a page served the same to everyone (from the page cache), a team member's browser asks the
// back office for their own links (Espace privé, Modifier cet article) and shows them above the page. Readers'
// browsers do not hold the team marker cookie and send nothing.
(() => {
  if (!/(?:^|;\s*)tisse_equipe=1(?:;|$)/.test(document.cookie)) return;
  const show = (answer) => {
    if (!answer || !Array.isArray(answer.links) || answer.links.length === 0) return;
    const bar = document.createElement('nav');
    bar.className = 'team-bar';
    bar.setAttribute('aria-label', String(answer.label || ''));
    const list = document.createElement('ul');
    for (const link of answer.links) {
      // Same-site paths only: the answer comes from this site, but a link is never taken on trust.
      if (typeof link.href !== 'string' || !link.href.startsWith('/') || link.href.startsWith('//')) continue;
      const item = document.createElement('li');
      const a = document.createElement('a');
      a.href = link.href;
      a.textContent = String(link.label);
      item.append(a);
      list.append(item);
    }
    bar.append(list);
    // After the skip link, which stays the first thing a keyboard reaches.
    const skip = document.querySelector('.skip-link');
    if (skip) skip.after(bar);
    else document.body.prepend(bar);
  };
  fetch(`/ecrire/barre?chemin=${encodeURIComponent(location.pathname)}`, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : undefined))
    .then(show)
    .catch(() => {});
})();
