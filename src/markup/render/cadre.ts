// `<cadre>`: a read-only text area sized to its lines.
import type { CadreNode } from '../ast.ts';
import { escapeText } from '../html.ts';
import { stripOuterLines } from './code-block.ts';
import type { RenderState } from './state.ts';

/**
 * SPIP's height (`traiter_echap_cadre`): a row per started 60 bytes of each line of the text as SPIP
 * escapes it (UTF-8, `& < > " '` as entities), at least two rows.
 */
function cadreRows(value: string): number {
  let rows = 0;
  for (const line of value.split('\n')) rows += Math.floor(spipEscapedBytes(line) / 60) + 1;
  return Math.max(2, rows);
}

/** The UTF-8 length of `htmlspecialchars(line, ENT_QUOTES)`, counted without making it. */
function spipEscapedBytes(line: string): number {
  let bytes = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 38) bytes += 5; // &amp;
    else if (c === 60 || c === 62) bytes += 4; // &lt; &gt;
    else if (c === 34 || c === 39) bytes += 6; // &quot; &#039;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function renderCadre(node: CadreNode, state: RenderState): void {
  const value = stripOuterLines(node.value);
  const rows = cadreRows(value);
  // a leading newline would be eaten by the HTML parser
  const body = value.startsWith('\n') ? `\n${value}` : value;
  state.out.push(`<textarea readonly="readonly" cols="40" rows="${rows}" class="spip_cadre" dir="ltr">${escapeText(body)}</textarea>\n`);
}
