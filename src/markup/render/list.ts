// `-*` / `-#` lists → `<ul class="spip">` / `<ol class="spip">`; a nested list sits inside its item.
import type { ListItemNode, ListNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderList(node: ListNode, state: RenderState): void {
  const tag = node.ordered ? 'ol' : 'ul';
  const cls = state.options.classSpipPlus ?? 'spip';
  state.out.push(cls ? `<${tag} class="${cls.replace(/[^\w -]/g, '')}">` : `<${tag}>`);
  const saved = state.inListItem;
  state.inListItem = false;
  for (const item of node.children) renderListItem(item, state);
  state.inListItem = saved;
  state.out.push(`</${tag}>\n`);
}

export function renderListItem(node: ListItemNode, state: RenderState): void {
  state.out.push('<li>');
  const saved = state.inListItem;
  state.inListItem = true;
  state.renderNodes(node.children);
  state.inListItem = saved;
  state.out.push('</li>');
}
