// The theme engine alone: escaping (text escaped, SafeHtml as it is, `raw` no way around it), overrides by
// path with the theme's own template served when an override fails, an override theme.json or asset; and
// `tisse theme check` on a good theme (no problem, exit 0), a broken one (file and line, exit 1), and an
// override folder whose partials, calls and `theme.<name>` reads are held to what their callers and
// theme.json give them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTheme, createThemeEngine, problemText, type TemplateProblem } from './index.ts';
import { SafeHtml } from '../kernel/trusted-html.ts';

const root = join(import.meta.dirname, '..', '..');
const defaultTheme = join(root, 'themes', 'default');
const hosts = {
  assetUrl: (name: string) => `/assets/${name}`,
  documentUrl: (file: string) => `/documents/${file}`,
  images: { widths: [320, 640], sized: () => true, url: (file: string, width: number) => `/images/${width}/${file}` },
};

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tisse-theme-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('every output is escaped; only SafeHtml made by Tisse passes, and raw is no way around it', async () => {
  const theme = folder({ 'page.liquid': '{{ text }}|{{ html }}|{{ text | raw }}|{{ html | escape }}|{{ text | typo }}|<a title="{{ quote }}">' });
  const engine = createThemeEngine({ themeDir: theme, hosts });
  const out = await engine.render('page', { text: '<script>alert(1)</script>', html: new SafeHtml('<em>sûr</em>'), quote: '" onmouseover="x' });
  assert.equal(
    out,
    '&lt;script&gt;alert(1)&lt;/script&gt;|<em>sûr</em>|&lt;script&gt;alert(1)&lt;/script&gt;|<em>sûr</em>|<code class="echappe-js">&lt;script&gt;alert(1)&lt;/script&gt;</code>|<a title="&quot; onmouseover=&quot;x">',
  );
  rmSync(theme, { recursive: true });
});

test('an override replaces a file by its path; a broken one is reported with file and line and the theme’s own is served', async () => {
  const theme = folder({ 'page.liquid': 'thème {% render "partials/bit" %}', 'partials/bit.liquid': 'bout' });
  const overrides = folder({ 'partials/bit.liquid': 'surchargé' });
  const problems: TemplateProblem[] = [];
  const engine = createThemeEngine({ themeDir: theme, overrideDir: overrides, hosts, onProblem: (p) => problems.push(p) });
  assert.equal(await engine.render('page', {}), 'thème surchargé');
  for (const [broken, kind] of [
    ['\n\n{% for x in nowhere %}{{ x }}{% endfor %}', 'variable'],
    ['\n{% if %}', 'parse'],
    ['{{ 1 | nofilter }}', 'filter'],
    ['{% render "partials/missing" %}', 'include'],
  ] as const) {
    writeFileSync(join(overrides, 'partials', 'bit.liquid'), broken);
    engine.reload();
    assert.equal(await engine.render('page', {}), 'thème bout', kind);
    const problem = problems.pop()!;
    assert.equal(problem.kind, kind);
    assert.match(problem.file, /bit\.liquid$/);
    if (kind === 'variable') assert.equal(problem.line, 3);
    assert.match(problemText(problem), /bit\.liquid/);
  }
  rmSync(theme, { recursive: true });
  rmSync(overrides, { recursive: true });
});

test('tisse theme check: the default theme has no problem; a broken one names file and line and exits 1', () => {
  assert.deepEqual(checkTheme(defaultTheme).problems, []);
  const cli = (dir: string) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.ts'), 'theme', 'check', dir], { cwd: root, encoding: 'utf8' });
  const good = cli(defaultTheme);
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /aucun problème/);

  const broken = mkdtempSync(join(tmpdir(), 'tisse-theme-'));
  cpSync(defaultTheme, broken, { recursive: true });
  rmSync(join(broken, 'print.liquid'));
  writeFileSync(join(broken, 'article.liquid'), '{% layout "layout" %}\n{% block content %}\n<h1>{{ artcle.title }}</h1>\n{{ article.title | shout }}\n{% endblock %}');
  writeFileSync(join(broken, 'home.liquid'), '{% layout "layout" %}\n{% block content %}\n{% for a in latest %}\n{% endblock %}');
  writeFileSync(join(broken, 'theme.json'), JSON.stringify({ name: 'Cassé', version: 2, settings: {} }));
  const problems = checkTheme(broken).problems;
  assert.deepEqual(problems.map((p) => p.kind).sort(), ['filter', 'manifest', 'missing', 'parse']);
  const out = cli(broken);
  assert.equal(out.status, 1);
  assert.match(out.stdout, /print\.liquid : gabarit obligatoire absent/);
  assert.match(out.stdout, /article\.liquid, ligne 4 : filtre inconnu/);
  assert.match(out.stdout, /home\.liquid, ligne \d : le gabarit ne se lit pas/);
  assert.match(out.stdout, /theme\.json : theme\.json invalide \(version/);
  // An unknown variable is caught once the filters are right.
  writeFileSync(join(broken, 'article.liquid'), '{% layout "layout" %}\n{% block content %}\n<h1>{{ artcle.title }}</h1>\n{% endblock %}');
  assert.match(cli(broken).stdout, /article\.liquid, ligne 3 : variable inconnue \(artcle\)/);
  rmSync(broken, { recursive: true });
});

test('an override theme.json with wrong types is reported and the theme’s own is used; an override asset replaces the theme’s', async () => {
  const overrides = folder({
    'theme.json': JSON.stringify({ name: 'Surcharge', version: '1.0.0', settings: { accent_color: { type: 'color', label: 'Accent', default: 'red;}</style><script>' } } }),
    'assets/site.css': 'body { color: #123456 }',
    'page.liquid': '{{ "site.css" | asset_url }}',
  });
  const problems: TemplateProblem[] = [];
  const engine = createThemeEngine({ themeDir: defaultTheme, overrideDir: overrides, hosts, onProblem: (p) => problems.push(p) });
  assert.equal(engine.manifest().name, 'Tisse par défaut');
  assert.equal(problems.length, 1);
  assert.equal(problemText(problems[0]!), 'theme.json : theme.json invalide (settings.accent_color.default : couleur au format #rrggbb (par exemple #1d4e89))');
  const hash = (text: string | Buffer) => createHash('sha1').update(text).digest('hex').slice(0, 10);
  assert.equal(await engine.render('page', {}), `/assets/site.css?v=${hash('body { color: #123456 }')}`);
  assert.notEqual(hash(readFileSync(join(defaultTheme, 'assets', 'site.css'))), hash('body { color: #123456 }'));
  assert.equal(engine.asset('site.css')!.body.toString(), 'body { color: #123456 }');
  assert.equal(engine.asset('print.css')!.body.toString(), readFileSync(join(defaultTheme, 'assets', 'print.css'), 'utf8'), 'files not overridden come from the theme');
  rmSync(overrides, { recursive: true });
});

test('tisse theme check holds each partial to what every call of it passes, and each call to a file that exists', () => {
  const overrides = folder({
    // Read by the partial: two arguments, plus its own loop variable and assignment (never asked of callers).
    'partials/chapo.liquid': "{% assign compte = 0 %}\n{% for c in crumbs %}{{ c.label }}{{ forloop.index }}{{ compte }}{% endfor %}\n{{ lang }} {{ separateur }}",
    'home.liquid': "{% layout 'layout' %}\n{% block content %}\n{% render 'partials/chapo', crumbs: latest, lang: 'fr', separateur: '/' %}\n{% render 'partials/absente', x: 1 %}\n{% for a in latest %}{% include 'partials/ligne' %}{% endfor %}\n{{ theme.accent_color }} {{ theme.couleur_du_fond }}\n{% endblock %}",
    // The same partial called without `separateur`: this call is the one at fault.
    'section.liquid': "{% layout 'layout' %}\n{% block content %}\n{% render 'partials/chapo', crumbs: crumbs, lang: lang %}\n{% endblock %}",
    // Included (not rendered): it sees the caller's loop variable and the page's own variables.
    'partials/ligne.liquid': '<li>{{ a.title }} {{ site.name }} {{ sections.size }}\n{{ inventee }}</li>',
    'partials/filtre.liquid': "{{ 'x' | inconnu }}",
    'plan.liquid': "{% layout 'nulle-part' %}",
  });
  const problems = checkTheme(overrides, { base: defaultTheme }).problems;
  const brief = problems.map((p) => ({ file: p.file, line: p.line, kind: p.kind, detail: p.kind === 'filter' ? 'inconnu' : p.detail, ...(p.via ? { via: p.via } : {}) }));
  assert.deepEqual(
    brief,
    [
      { file: 'home.liquid', line: 4, kind: 'include', detail: 'partials/absente' },
      { file: 'home.liquid', line: 6, kind: 'setting', detail: 'theme.couleur_du_fond' },
      { file: 'partials/chapo.liquid', line: 3, kind: 'argument', detail: 'separateur', via: { file: 'section.liquid', line: 3 } },
      { file: 'partials/filtre.liquid', line: 1, kind: 'filter', detail: 'inconnu' },
      { file: 'partials/ligne.liquid', line: 2, kind: 'variable', detail: 'inventee' },
      { file: 'plan.liquid', line: 1, kind: 'include', detail: 'nulle-part' },
    ],
  );
  const chapo = problems.find((p) => p.kind === 'argument')!;
  assert.equal(problemText(chapo), 'partials/chapo.liquid, ligne 3 : variable que l’appel ne transmet pas (separateur) ; appel : section.liquid, ligne 3');
  assert.equal(problemText(chapo, 'en'), 'partials/chapo.liquid, line 3: variable the call does not pass (separateur); call: section.liquid, line 3');
  assert.match(problemText(problems.find((p) => p.kind === 'setting')!), /^home\.liquid, ligne 6 : réglage que theme\.json ne déclare pas \(theme\.couleur_du_fond\)$/);

  // Once every call passes what the partial reads, and the page reads only what it is given, nothing is left.
  writeFileSync(join(overrides, 'section.liquid'), "{% layout 'layout' %}\n{% block content %}\n{% render 'partials/chapo', crumbs: crumbs, lang: lang, separateur: nil %}\n{% endblock %}");
  writeFileSync(join(overrides, 'home.liquid'), "{% layout 'layout' %}\n{% block content %}\n{% for a in latest %}{% include 'partials/ligne' %}{% endfor %}\n{{ theme.accent_color }}\n{% endblock %}");
  writeFileSync(join(overrides, 'partials', 'ligne.liquid'), '<li>{{ a.title }} {{ site.name }} {{ sections.size }}</li>');
  rmSync(join(overrides, 'partials', 'filtre.liquid'));
  rmSync(join(overrides, 'plan.liquid'));
  assert.deepEqual(checkTheme(overrides, { base: defaultTheme }).problems, []);

  // A base partial called by an override page is held to that page's call too.
  writeFileSync(join(overrides, 'plan.liquid'), "{% layout 'layout' %}\n{% block content %}\n{% render 'partials/plan-level' %}\n{% endblock %}");
  assert.deepEqual(
    checkTheme(overrides, { base: defaultTheme }).problems.map((p) => [p.file, p.kind, p.detail, p.via?.file]),
    [['partials/plan-level.liquid', 'argument', 'sections', 'plan.liquid']],
  );
  rmSync(overrides, { recursive: true });
});

const defaultSettings = JSON.parse(readFileSync(join(defaultTheme, 'theme.json'), 'utf8')).settings;

test('tisse theme check reads theme.<name> against the active theme.json: the override’s when valid, else the base’s', () => {
  const overrides = folder({
    // The default theme's settings (its templates read them) and one of its own.
    'theme.json': JSON.stringify({ name: 'Surcharge', version: '1.0.0', settings: { ...defaultSettings, fond: { type: 'color', label: 'Fond', default: '#ffffff' } } }),
    'layout.liquid': readFileSync(join(defaultTheme, 'layout.liquid'), 'utf8').replace('</body>', '<p>{{ theme.fond }} {{ theme.couleur_absente }}</p>\n</body>'),
  });
  const line = readFileSync(join(overrides, 'layout.liquid'), 'utf8').split('\n').findIndex((l) => l.includes('theme.fond')) + 1;
  const declaredByOverride = checkTheme(overrides, { base: defaultTheme });
  assert.equal(declaredByOverride.manifest?.name, 'Surcharge');
  assert.deepEqual(declaredByOverride.problems.map((p) => [p.file, p.line, p.kind, p.detail]), [['layout.liquid', line, 'setting', 'theme.couleur_absente']]);

  writeFileSync(join(overrides, 'theme.json'), JSON.stringify({ name: 'Surcharge', version: '1.0.0', settings: { ...defaultSettings, fond: { type: 'boolean', label: 'Fond', default: 'oui' } } }));
  const invalid = checkTheme(overrides, { base: defaultTheme });
  assert.equal(invalid.manifest?.name, 'Tisse par défaut');
  assert.deepEqual(invalid.problems.map((p) => problemText(p)), [
    `layout.liquid, ligne ${line} : réglage que theme.json ne déclare pas (theme.fond)`,
    `layout.liquid, ligne ${line} : réglage que theme.json ne déclare pas (theme.couleur_absente)`,
    'theme.json : theme.json invalide (settings.fond.default : valeur invalide)',
  ]);
  rmSync(overrides, { recursive: true });
});
