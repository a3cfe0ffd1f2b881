// The theme engine alone: escaping (text escaped, SafeHtml as it is, `raw` no way around it), overrides by
// path with the theme's own template served when an override fails, and `tisse theme check` on a good
// theme (no problem, exit 0) and a broken one (file and line, exit 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
