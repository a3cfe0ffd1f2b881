// The editorial workflow as one explicit state machine: SPIP's statuses (en cours de rédaction, proposé,
// publié, refusé, poubelle), the transitions between them, and the permission each one needs (decided
// by permissions.ts). Scheduling is publishing with a future date: visibility.ts hides it until then.
import type { ArticleStatus } from '../db/schema.ts';
import type { ArticleAction } from '../users/index.ts';

export const articleStatuses: readonly ArticleStatus[] = ['draft', 'proposed', 'published', 'refused', 'trash'];

export interface Transition {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  permission: ArticleAction;
}

export const transitions = {
  propose: { from: ['draft'], to: 'proposed', permission: 'article.propose' },
  withdraw: { from: ['proposed'], to: 'draft', permission: 'article.withdraw' },
  publish: { from: ['draft', 'proposed', 'refused', 'published'], to: 'published', permission: 'article.publish' },
  schedule: { from: ['draft', 'proposed', 'refused', 'published'], to: 'published', permission: 'article.schedule' },
  refuse: { from: ['draft', 'proposed'], to: 'refused', permission: 'article.refuse' },
  unpublish: { from: ['published'], to: 'proposed', permission: 'article.unpublish' },
  trash: { from: ['draft', 'proposed', 'published', 'refused'], to: 'trash', permission: 'article.trash' },
  restore: { from: ['trash'], to: 'draft', permission: 'article.restore' },
  reopen: { from: ['refused'], to: 'draft', permission: 'article.reopen' },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof transitions;

export const transitionNames = Object.keys(transitions) as TransitionName[];

export function isTransitionName(value: string): value is TransitionName {
  return Object.hasOwn(transitions, value);
}

/** Whether the transition exists from this status (who may take it is permissions.ts's question). */
export function canLeave(status: ArticleStatus, name: TransitionName): boolean {
  return (transitions[name].from as readonly ArticleStatus[]).includes(status);
}

/** The transitions that start from a status, in the order the editor shows them. */
export function transitionsFrom(status: ArticleStatus): TransitionName[] {
  // 'publish' on an already published article only re-dates it: the editor offers 'schedule' for that.
  return transitionNames.filter((name) => canLeave(status, name) && !(name === 'publish' && status === 'published'));
}
