// Moving an article to another section: the rule the editor's save applies when its section changes, and the
// bulk "move to a section" of the article list. A restricted administrator cannot move an article out of its
// sections (nor would it keep it), nor start one elsewhere by moving it there (article.create).
import { TisseError } from '../../kernel/errors.ts';
import { can, type Actor, type ArticleTarget } from '../../users/index.ts';

/** Why `actor` may not move the article `target` to `sectionId`, or undefined when they may. */
export function moveRefusal(actor: Actor, target: ArticleTarget, sectionId: number): TisseError | undefined {
  if (!can(actor, 'article.edit', target)) return new TisseError('FORBIDDEN', 'errors.articles.cannotEdit');
  if (sectionId === target.sectionId) return undefined;
  if (can(actor, 'article.edit', { ...target, sectionId }) && can(actor, 'article.create', { sectionId })) return undefined;
  return new TisseError('FORBIDDEN', 'errors.articles.cannotMoveThere', { fields: { sectionId: 'errors.field.forbiddenFem' } });
}
