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

export function renderCodeBlock(node: CodeBlockNode, state: RenderState): void {
  const value = stripOuterLines(node.value);
  state.out.push(`<div style="text-align: left;" class="spip_code" dir="ltr"><code>${value.split('\n').map(escapeText).join('<br>\n')}</code></div>\n`);
}
