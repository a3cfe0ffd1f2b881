// What one parsed template reads and which templates it calls, taken from LiquidJS's own parse and static
// analysis (never a regular expression over the source): the variables it takes from whoever renders it (the
// ones no `assign`, `capture` or loop of its own defines), and each `render`, `include` or `layout` it makes,
// with the names the call hands over. `tisse theme check` (check.ts) walks these from every page template.
import { TagToken, toValueSync, type Liquid, type Template, type Variable } from 'liquidjs';

export interface TemplateRead {
  /** The variable's first segment (`article` for `article.title`). */
  root: string;
  /** The member read under it when it is a plain name (`title` for `article.title`), else undefined. */
  member: string | undefined;
  /** Absolute path of the file holding the read, as LiquidJS names it. */
  path: string | undefined;
  line: number;
}

export interface TemplateCall {
  tag: 'render' | 'include' | 'layout';
  /** The called template as written (`partials/breadcrumb`). Calls whose name is computed are not listed. */
  target: string;
  /** `render` only sees what it is handed; `include` and `layout` also see the caller's own variables. */
  isolated: boolean;
  /** Names the call hands over: `a: …` arguments and the alias of `with … as x` / `for … as x`. */
  passes: Set<string>;
  /** Loop variables (and `forloop`) of the loops around the call, which an include or a layout also sees. */
  loopNames: Set<string>;
  line: number;
}

export interface TemplateUses {
  reads: TemplateRead[];
  /** Names this template assigns, captures or increments itself. */
  locals: Set<string>;
  calls: TemplateCall[];
}

const CALL_TAGS = new Set(['render', 'include', 'layout']);

function readOf(variable: Variable): TemplateRead | undefined {
  const [root, member] = variable.segments;
  if (typeof root !== 'string') return undefined;
  return { root, member: typeof member === 'string' ? member : undefined, path: variable.location.file, line: variable.location.row };
}

/** The reads, locals and calls of one template (its partials are not followed: each is looked at on its own). */
export function templateUses(liquid: Liquid, templates: Template[]): TemplateUses {
  const analysis = liquid.analyzeSync(templates, { partials: false });
  const reads = Object.values(analysis.globals)
    .flat()
    .map(readOf)
    .filter((read) => read !== undefined);
  const calls: TemplateCall[] = [];
  const visit = (nodes: Template[], loopNames: Set<string>) => {
    for (const node of nodes) {
      const partial = node.token instanceof TagToken && CALL_TAGS.has(node.token.name) ? node.partialScope?.() : undefined;
      if (partial) {
        const passes = new Set([...partial.scope].map((name) => (typeof name === 'string' ? name : name[0])));
        // `render 'x' for items as item` also gives the partial a forloop; a `[alias, value]` pair is a with or a for.
        if ([...partial.scope].some((name) => typeof name !== 'string')) passes.add('forloop');
        const tag = (node.token as TagToken).name as TemplateCall['tag'];
        calls.push({ tag, target: partial.name, isolated: partial.isolated, passes, loopNames, line: node.token.getPosition()[0]! });
      }
      if (!node.children) continue;
      const inner = node.blockScope ? new Set([...loopNames, ...node.blockScope()]) : loopNames;
      visit(toValueSync(node.children(false, true)), inner);
    }
  };
  visit(templates, new Set());
  return { reads, locals: new Set(Object.keys(analysis.locals)), calls };
}
