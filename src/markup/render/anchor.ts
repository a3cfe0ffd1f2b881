// `[name<-]`: an anchor others can link to with `#name`.
import type { AnchorNode } from '../ast.ts';
import { escapeAttr } from '../html.ts';
import type { RenderState } from './state.ts';

export function renderAnchor(node: AnchorNode, state: RenderState): void {
  if (state.linkDepth > 0) return;
  state.out.push(`<a id="${escapeAttr(node.name)}"></a>`);
}
