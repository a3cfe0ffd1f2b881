// PostgreSQL refuses `x in ()` as a syntax error, where SQLite reads it as false: a query built from an empty
// list (an article without authors, a page of no rows) answered 500 on PostgreSQL only. Callers check their
// lists, but one forgotten check is enough, so the PostgreSQL connection rewrites such a comparison as SQLite
// reads it: `x in ()` is false, `x not in ()` is true. SQLite needs no rewrite (and its hot path no extra walk).
import {
  BinaryOperationNode,
  OperationNodeTransformer,
  OperatorNode,
  PrimitiveValueListNode,
  ValueListNode,
  ValueNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

class EmptyInListTransformer extends OperationNodeTransformer {
  protected override transformBinaryOperation(node: BinaryOperationNode): BinaryOperationNode {
    const operator = OperatorNode.is(node.operator) ? node.operator.operator : undefined;
    const right = node.rightOperand;
    const empty = (PrimitiveValueListNode.is(right) || ValueListNode.is(right)) && right.values.length === 0;
    if (empty && (operator === 'in' || operator === 'not in')) {
      // 1 = 0 / 1 = 1: plain constants both databases accept anywhere a condition stands.
      return BinaryOperationNode.create(ValueNode.createImmediate(1), OperatorNode.create('='), ValueNode.createImmediate(operator === 'in' ? 0 : 1));
    }
    return super.transformBinaryOperation(node);
  }
}

export class EmptyInListPlugin implements KyselyPlugin {
  readonly #transformer = new EmptyInListTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
