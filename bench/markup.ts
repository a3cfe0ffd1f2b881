// Markup engine throughput (parse + render, one core): realistic French article text (≥ 1 MB, varied,
// seeded) and 1 MB of hostile text per attack (unclosed `{{`, `[`, `[[`, `<quote>`, `-*` at every
// depth, `|` without end, 100,000 footnotes, and a mix). Linear time shows as hostile throughput close
// to the prose one. Figures go to docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { renderJsonLine } from '../src/commands/propre.ts';
import { propre } from '../src/markup/index.ts';
import { Output } from '../src/markup/output.ts';
import { table, writeBenchSection } from './report.ts';

// What production runs is an esbuild bundle (scripts/build.mjs, `npm start`); under tsx every function
// also gets a keepNames `__name` wrapper. So this file bundles itself the way scripts/build.mjs does
// (no keepNames) into dist/ (report.ts finds docs/ from there) and measures in that bundle.
const BUNDLED = 'TISSE_BENCH_MARKUP_BUNDLED';
if (!process.env[BUNDLED]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const outfile = join(root, 'dist', 'bench-markup.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['bench/markup.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    external: ['esbuild'],
    banner: { js: "import { createRequire as __tisseCreateRequire } from 'node:module'; const require = __tisseCreateRequire(import.meta.url);" },
  });
  const child = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, [BUNDLED]: '1' } });
  process.exit(child.status ?? 1);
}

const MB = 1024 * 1024;

/** Small seeded PRNG (mulberry32): the same text on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'économie sociale solidaire coopérative association territoire emploi insertion financement public ' +
  'politique locale gouvernance citoyenne transition écologique rapport étude enquête données chiffres ' +
  'collectivité région département commune habitants bénévoles salariés projet dispositif évaluation ' +
  'recommandation analyse synthèse propositions réforme loi décret budget investissement innovation ' +
  'l’accès l’égalité d’abord aujourd’hui notamment cependant toutefois ainsi donc également plusieurs'
).split(' ');

function proseText(bytes: number, seed = 42): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = (): string => {
    let s = words(6 + Math.floor(r() * 14));
    s = s[0]?.toUpperCase() + s.slice(1);
    const x = r();
    if (x < 0.1) s += ` {{${words(2)}}}`;
    else if (x < 0.2) s += ` {${words(2)}}`;
    else if (x < 0.27) s += ` [${words(2)}->https://www.exemple.org/${pick(WORDS)}]`;
    else if (x < 0.31) s += ` [->art${1 + Math.floor(r() * 300)}]`;
    else if (x < 0.36) s += ` « ${words(3)} »`;
    else if (x < 0.41) s += `[[${words(8)}.]]`;
    else if (x < 0.44) s += ` l'${pick(WORDS)} d'${pick(WORDS)}`;
    else if (x < 0.46) s += ` (voir http://www.exemple.org/doc${Math.floor(r() * 99)})`;
    return s + pick(['.', '.', '.', ' !', ' ?', ' :', ' ;', '...']);
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(r() * 5) }, sentence).join(' ');
  const blocks: string[] = [];
  let size = 0;
  while (size < bytes) {
    const x = r();
    let b: string;
    if (x < 0.08) b = `{{{${words(4)}}}}`;
    else if (x < 0.14) b = Array.from({ length: 3 + Math.floor(r() * 4) }, () => `-* ${words(5)}`).join('\n');
    else if (x < 0.17) b = `|| ${words(3)} | ${words(5)} ||\n| {{${words(1)}}} | {{${words(1)}}} |\n${Array.from({ length: 4 }, () => `| ${words(2)} | ${Math.floor(r() * 1000)} |`).join('\n')}`;
    else if (x < 0.2) b = `<quote>${paragraph()}</quote>`;
    else if (x < 0.22) b = `<code>${words(6)}</code> ${paragraph()}`;
    else b = paragraph();
    blocks.push(b);
    size += Buffer.byteLength(b) + 2;
  }
  return blocks.join('\n\n');
}

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

function hostileInputs(bytes: number): [string, string][] {
  const everyDepth = (() => {
    const lines: string[] = [];
    let size = 0;
    for (let k = 1; size < bytes; k = (k % 2000) + 1) {
      const line = `-${'*'.repeat(k)} item`;
      lines.push(line);
      size += line.length + 1;
    }
    return lines.join('\n');
  })();
  const notes = Array.from({ length: NOTES }, (_, i) => `a[[n${i}]]`).join(' ');
  const parts: [string, string][] = [
    ['unclosed `{{` and `{`', repeatTo('{{ gras {ital ', bytes)],
    ['unclosed `[` and `[->`', repeatTo('[texte [->lien ', bytes)],
    ['unclosed `[[`', repeatTo('[[ note ', bytes)],
    ['unclosed `<quote>`', repeatTo('<quote> cité ', bytes)],
    ['`-*` at every depth', everyDepth],
    ['cells opened by `\|` never closed', repeatTo('| cellule | encore\n', bytes)],
    ['100,000 footnotes', notes],
    ['unclosed `<a title="`', repeatTo('<a title="x ', bytes)],
  ];
  const mix = parts.map(([, t]) => t.slice(0, Math.floor(bytes / parts.length))).join('\n');
  parts.push(['all of the above, mixed', mix]);
  return parts;
}

/** CPU time of this process (user + system), in ms: on a shared machine, wall time measures the neighbours. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const BATCH = 3;

/**
 * CPU ms per run of `run`: a second of warm-up (compiled code, a young generation grown to its working
 * size), then batches of three runs for three seconds, and the best batch's mean. Garbage collection is
 * in every batch; what is left out is time the neighbours took (on this shared machine the mean of
 * every run moved by a third from one bench run to the next, the best batch by much less).
 */
function cpuMsPerRun(run: () => unknown): number {
  const warm = cpuMs();
  for (let k = 0; k < 2 || cpuMs() - warm < 1000; k++) run();
  let best = Infinity;
  const start = cpuMs();
  do {
    const t = cpuMs();
    for (let k = 0; k < BATCH; k++) run();
    best = Math.min(best, (cpuMs() - t) / BATCH);
  } while (cpuMs() - start < 3000);
  return best;
}

function measure(text: string, profile: 'article' | 'forum'): Measured {
  const first = propre(text, { profile });
  // what the reader downloads: 100,000 footnotes are 1 MB typed and 28 MB of SPIP's note markup
  const outMb = (Buffer.byteLength(first.html) + Buffer.byteLength(first.notes)) / MB;
  const bytes = Buffer.byteLength(text);
  const ms = cpuMsPerRun(() => propre(text, { profile }));
  return { mb: bytes / MB, mbps: bytes / MB / (ms / 1000), ms, outMb };
}

interface Measured {
  mb: number;
  mbps: number;
  ms: number;
  outMb: number;
}

const NOTES = 100_000;

/**
 * What no renderer of the footnotes input can beat: SPIP's markup for its notes (each call in the text,
 * each note in the notes block) written into the renderer's own Output from the note numbers alone,
 * nothing read, parsed or escaped. Checked equal to what propre() writes, so it cannot drift from it.
 */
function notesMarkupAlone(): { html: string; notes: string } {
  const html = new Output();
  const notes = new Output();
  html.push('<p>');
  for (let i = 0; i < NOTES; i++) {
    const n = String(i + 1);
    html.push(`${i === 0 ? 'a' : ' a'}<span class="spip_note_ref">&nbsp;[<a href="#nb${n}" class="spip_note" rel="appendix" title="n${i}" id="nh${n}">${n}</a>]</span>`);
    notes.push(`<div id="nb${n}">\n<p><span class="spip_note_ref">[<a href="#nh${n}" class="spip_note" title="Notes ${n}" rev="appendix">${n}</a>]&nbsp;</span>n${i}</p>\n</div>\n`);
  }
  html.push('</p>');
  return { html: html.toString(), notes: notes.toString().trimEnd() };
}

const NOTES_INPUT = 'hostile: 100,000 footnotes';
const MARKUP_ALONE = 'the footnotes\' HTML alone';

function measureMarkupAlone(): Measured {
  const typed = inputNamed(NOTES_INPUT).text();
  const engine = propre(typed, { profile: 'article' });
  const alone = notesMarkupAlone();
  if (alone.html !== engine.html || alone.notes !== engine.notes) throw new Error('the footnotes\' markup written alone differs from what propre() writes: update notesMarkupAlone');
  const ms = cpuMsPerRun(notesMarkupAlone);
  const typedMb = Buffer.byteLength(typed) / MB;
  return { mb: typedMb, mbps: typedMb / (ms / 1000), ms, outMb: (Buffer.byteLength(alone.html) + Buffer.byteLength(alone.notes)) / MB };
}

/** Every measured input, by name; each process builds them the same way (seeded). */
function namedInputs(): [string, () => string, 'article' | 'forum'][] {
  const prose = () => proseText(2 * MB);
  return [
    ['French article prose (article profile)', prose, 'article'],
    ['French article prose (forum profile)', prose, 'forum'],
    ...hostileInputs(MB).map(([name, text]): [string, () => string, 'article'] => [`hostile: ${name}`, () => text, 'article']),
  ];
}

function inputNamed(wanted: string): { text: () => string; profile: 'article' | 'forum' } {
  const found = namedInputs().find(([name]) => name === wanted);
  if (!found) throw new Error(`no input named ${wanted}`);
  return { text: found[1], profile: found[2] };
}

// Each input is measured in processes of its own: in one long process, the inputs measured last paid
// for the heap the first ones left (figures moved by a third between two runs). Median of three.
const INPUT = 'TISSE_BENCH_MARKUP_INPUT';
const PROCESSES = 3;
if (process.env[INPUT]) {
  if (process.env[INPUT] === MARKUP_ALONE) console.log(JSON.stringify(measureMarkupAlone()));
  else {
    const { text, profile } = inputNamed(process.env[INPUT]);
    console.log(JSON.stringify(measure(text(), profile)));
  }
  process.exit(0);
}

function measureApart(name: string): Measured {
  const results: Measured[] = [];
  for (let k = 0; k < PROCESSES; k++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { encoding: 'utf8', env: { ...process.env, [INPUT]: name } });
    if (child.status !== 0) throw new Error(`measuring ${name} failed: ${child.stderr}`);
    results.push(JSON.parse(child.stdout) as Measured);
  }
  results.sort((x, y) => x.ms - y.ms);
  return results[Math.floor(PROCESSES / 2)] as Measured;
}

const measured = namedInputs().map(([name]) => [name, measureApart(name)] as const);
const [proseName, proseResult] = measured[0] as (typeof measured)[number];
console.log(`${proseName}: ${proseResult.mbps.toFixed(1)} MB/s (${proseResult.ms.toFixed(0)} ms)`);
/** A throughput as a share of prose's, `42 %`. */
const ofProse = (mbps: number) => `${((mbps / proseResult.mbps) * 100).toFixed(0)} %`;
const rows: (string | number)[][] = [];
let worst = Infinity;
for (const [name, r] of measured) {
  const hostile = name.startsWith('hostile');
  if (hostile) worst = Math.min(worst, r.mbps);
  // every input but the first (printed above), the forum profile's prose included
  if (name !== proseName) console.log(`${name}: ${r.mbps.toFixed(1)} MB/s (${r.ms.toFixed(0)} ms)`);
  // a `|` in a Markdown table cell must be escaped
  rows.push([name.replaceAll('|', '\\|'), r.mb.toFixed(2), r.outMb.toFixed(1), r.ms.toFixed(0), r.mbps.toFixed(1), hostile ? ofProse(r.mbps) : '—']);
}
const alone = measureApart(MARKUP_ALONE);
console.log(`${MARKUP_ALONE}: ${alone.mbps.toFixed(1)} MB/s of typed text (${alone.ms.toFixed(0)} ms)`);
rows.push([`bound: ${MARKUP_ALONE}, nothing parsed`, alone.mb.toFixed(2), alone.outMb.toFixed(1), alone.ms.toFixed(0), alone.mbps.toFixed(1), ofProse(alone.mbps)]);

const notesResult = (measured.find(([name]) => name === NOTES_INPUT) as (typeof measured)[number])[1];
const htmlRate = (r: Measured) => (r.outMb / (r.ms / 1000)).toFixed(1);

// the CLI's JSONL path, in process: lines per second on short comments
const lines = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: i, text: proseText(300, i).slice(0, 300), profile: i % 3 ? 'forum' : 'article' }));
renderJsonLine(lines[0] as string, { lang: 'fr' });
const t0 = cpuMs();
for (const l of lines) renderJsonLine(l, { lang: 'fr' });
const linesPerSecond = lines.length / ((cpuMs() - t0) / 1000);
console.log(`jsonl: ${Math.round(linesPerSecond)} lines/s`);

// `--dry`: print only (profiling runs must not rewrite docs/benchmarks.md)
if (!process.argv.includes('--dry')) writeBenchSection(
  'markup',
  'Markup engine (SPIP shortcuts → HTML)',
  'npm run bench -- markup',
  [
    'parse + render (`propre()`), one core, CPU time of the process (the machine is shared; wall time would measure the neighbours): after a second of warm-up, batches of three runs for three seconds, the best batch\'s mean per run (garbage collection included), each input in fresh processes, median of three; aim: ≥ 20 MB/s on prose, hostile ≥ half of that. Measured in an esbuild bundle made like the one `npm start` runs (scripts/build.mjs, no keepNames), not under tsx, whose `__name` wrappers production does not have.',
    '',
    table(['input', 'MB', 'HTML out, MB', 'CPU ms per run', 'MB/s', 'vs prose'], rows),
    '',
    `Slowest hostile input: ${worst.toFixed(1)} MB/s (${ofProse(worst)} of prose).`,
    `The last row is a bound, not the engine: the 28 MB of SPIP's note markup that the 100,000 footnotes become (each 10-character \`a[[nN]]\` is about 280 bytes: the call with its \`title\`, the note with its back link), written into the renderer's output from the note numbers alone, checked equal to what \`propre()\` writes. Writing that markup alone runs at ${ofProse(alone.mbps)} of the prose throughput; the engine, which also reads, parses and escapes, at ${ofProse(notesResult.mbps)}.`,
    `HTML written per second: prose ${htmlRate(proseResult)} MB/s, 100,000 footnotes ${htmlRate(notesResult)} MB/s, the notes' markup alone ${htmlRate(alone)} MB/s.`,
    'On this shared 2-core virtual machine whole runs of this bench differ (up to a third with the mean of every run; less with the best batch): compare several runs, not two figures (docs/markup-conformance.md, "Throughput").',
    `JSONL protocol (\`tisse propre --jsonl\`, rendering only, 300-character texts): ${Math.round(linesPerSecond).toLocaleString('en')} lines/s.`,
  ].join('\n'),
);
