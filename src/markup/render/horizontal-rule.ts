// `----` → `<hr class="spip">`.
import type { RenderState } from './state.ts';

export function renderHorizontalRule(_node: unknown, state: RenderState): void {
  state.out.push('<hr class="spip">\n');
}
