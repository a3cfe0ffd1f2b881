// Writes one benchmark's figures into docs/benchmarks.md, in its own section, with the machine and the command.
// Each bench owns a section between markers, so running one bench never erases another's figures.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'benchmarks.md');

export function describeMachine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${platform()} ${release()}, Node ${process.version}`;
}

/**
 * Replaces (or appends) the section between `<!-- bench:name -->` and `<!-- /bench:name -->` of a Markdown file
 * with `section`; `header` starts the file when it does not exist yet.
 */
export function writeMarkedSection(file: string, name: string, section: string, header: string): void {
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : header;
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const marked = `${start}\n${section.trim()}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  doc = from >= 0 && to > from ? doc.slice(0, from) + marked + doc.slice(to + end.length) : `${doc.trimEnd()}\n\n${marked}\n`;
  writeFileSync(file, doc);
}

/** Replaces (or appends) the section `name` of docs/benchmarks.md with `body` (Markdown). */
export function writeBenchSection(name: string, title: string, command: string, body: string): void {
  const header = '# Benchmarks\n\nFigures written by `npm run bench` (each bench rewrites its own section). Performance is measured here, never asserted by timers in tests.\n';
  const section = `## ${title}\n\n- Command: \`${command}\`\n- Machine: ${describeMachine()}\n- Date: ${new Date().toISOString().slice(0, 10)}\n\n${body.trim()}`;
  writeMarkedSection(file, name, section, header);
}

/** A Markdown table from rows of cells. */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
