// Sets the order of the sections under one parent. The caller passes every sibling, in the new order:
// a partial or foreign list is refused rather than guessed at.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';

export async function reorderSections(db: Db, parentId: number | null, orderedIds: number[]): Promise<void> {
  await db.write(async (trx) => {
    const siblings = await trx
      .selectFrom('sections')
      .select('id')
      .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
      .execute();
    const expected = new Set(siblings.map((s) => s.id));
    const given = new Set(orderedIds);
    if (given.size !== orderedIds.length || given.size !== expected.size || orderedIds.some((id) => !expected.has(id))) {
      throw new TisseError('CONFLICT', 'errors.sections.reorderStale');
    }
    for (const [index, id] of orderedIds.entries()) {
      await trx.updateTable('sections').set({ position: index + 1 }).where('id', '=', id).execute();
    }
  });
}

/** The sibling order after moving `id` one step up (-1) or down (+1); unchanged at either end. */
export function stepOrder(siblingIds: number[], id: number, step: -1 | 1): number[] {
  const order = [...siblingIds];
  const index = order.indexOf(id);
  const target = index + step;
  if (index < 0 || target < 0 || target >= order.length) return order;
  [order[index], order[target]] = [order[target]!, order[index]!];
  return order;
}
