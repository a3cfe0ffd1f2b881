// `<code>` spanning lines: a block, lines separated by `<br>` as SPIP does.
import type { CodeBlockNode } from '../ast.ts';
import { escapeText } from '../html.ts';
import type { RenderState } from './state.ts';

/** Without the blank first line and the trailing whitespace. */
export function stripOuterLines(value: string): string {
  const nl = value.indexOf('\n');
  const v = nl >= 0 && value.slice(0, nl).trim() === '' ? value.slice(nl + 1) : value;
  return v.trimEnd();
}

/**
 * Code as SPIP 4.1 shows it (`traiter_echap_code_dist`): escaped, a tab as four no-break spaces and
 * every second space of a run as a no-break space, so that indentation and ASCII art survive HTML's
 * whitespace collapsing.
 */
export function codeText(value: string): string {
  const escaped = escapeText(value);
  if (escaped.indexOf('\t') < 0 && escaped.indexOf('  ') < 0) return escaped;
  return escaped.replaceAll('\t', '&nbsp; &nbsp; &nbsp; &nbsp; ').replaceAll('  ', ' &nbsp;');
}

export function renderCodeBlock(node: CodeBlockNode, state: RenderState): void {
  // only the line breaks around the code go, not its spaces (a loop: `\n+$` backtracks on long runs)
  let start = 0;
  let end = node.value.length;
  while (start < end && node.value.charCodeAt(start) === 10) start++;
  while (end > start && node.value.charCodeAt(end - 1) === 10) end--;
  const value = node.value.slice(start, end);
  state.out.push(`<div style="text-align: left;" class="spip_code" dir="ltr"><code>${value.split('\n').map(codeText).join('<br>\n')}</code></div>\n`);
}
