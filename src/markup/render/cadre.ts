// `<cadre>`: a read-only text area sized to its lines.
import type { CadreNode } from '../ast.ts';
import { escapeText } from '../html.ts';
import { stripOuterLines } from './code-block.ts';
import type { RenderState } from './state.ts';

export function renderCadre(node: CadreNode, state: RenderState): void {
  const value = stripOuterLines(node.value);
  const rows = Math.max(2, value.split('\n').length);
  // a leading newline would be eaten by the HTML parser
  const body = value.startsWith('\n') ? `\n${value}` : value;
  state.out.push(`<textarea readonly="readonly" cols="40" rows="${rows}" class="spip_cadre" dir="ltr">${escapeText(body)}</textarea>\n`);
}
