// LiquidJS renders every node through a generator, so that a template may wait on a promise anywhere; Tisse renders
// synchronously (every filter and tag it offers is synchronous), and on the article page that machinery was most of
// the template's cost: a generator made and stepped for each text, output and condition. This renders a list of
// nodes in a plain loop, with LiquidJS's own pieces: text is written, an output's value and filters evaluated by
// its Value (already synchronous when nothing is pending), a condition by its branches. Every other tag (for, render,
// layout, block, case, assign…) runs its own render, whose children come back here. Errors are wrapped as
// LiquidJS wraps them. test/theme-renderer.test.ts renders every page of the demo site and of a SPIP import
// both ways and compares them byte for byte (decision 033).
import * as liquidjs from 'liquidjs';
import type { Context, Liquid, Template } from 'liquidjs';

// Read once: bundled (dist/tisse.mjs), every read of a CommonJS package's export goes through a getter, which
// cost as much as the rest of this loop.
const { IfTag, isTruthy, LiquidError, Output, RenderError, UnlessTag, toValue, toValueSync } = liquidjs;

/** What LiquidJS's SimpleEmitter is: the page so far in `buffer`. */
interface Emitter {
  buffer: string;
  write(html: unknown): void;
}

/**
 * Makes `liquid` render template lists synchronously when it renders synchronously (renderSync,
 * renderFileSync); asynchronous renders keep LiquidJS's own path.
 */
export function renderSynchronously(liquid: Liquid): void {
  // LiquidJS does not export its class of plain text: taken from a parsed text.
  const Text = (liquid.parse('text')[0] as object).constructor;
  const renderer = liquid.renderer;
  const generic = renderer.renderTemplates.bind(renderer);
  renderer.renderTemplates = function* (templates: Template[], ctx: Context, emitter?: Emitter) {
    if (!ctx.sync) return yield* generic(templates, ctx, emitter);
    return renderList(templates, ctx, emitter ?? newEmitter(ctx), Text);
  } as typeof renderer.renderTemplates;
}

/** The emitter LiquidJS would make for a top-level render (keepOutputType is never set by Tisse). */
function newEmitter(ctx: Context): Emitter {
  if (ctx.opts.keepOutputType) throw new Error('keepOutputType is not supported by the synchronous renderer');
  return {
    buffer: '',
    write(html: unknown) {
      this.buffer += stringify(html);
    },
  };
}

function renderList(templates: Template[], ctx: Context, emitter: Emitter, Text: Function): string {
  ctx.renderLimit.check();
  for (const template of templates) {
    ctx.renderLimit.check();
    try {
      renderOne(template, ctx, emitter, Text);
      if (ctx.breakCalled || ctx.continueCalled) break;
    } catch (error) {
      if (ctx.opts.catchAllErrors) throw new Error('catchAllErrors is not supported by the synchronous renderer');
      throw LiquidError.is(error) ? error : new RenderError(error as Error, template);
    }
  }
  return emitter.buffer;
}

function renderOne(template: Template, ctx: Context, emitter: Emitter, Text: Function): void {
  if (template instanceof Text) {
    emitter.write((template as unknown as { str: string }).str);
  } else if (template instanceof Output) {
    emitter.write(toValue(settle(template.value.value(ctx, false))));
  } else if (template instanceof IfTag) {
    for (const { value, templates } of template.branches) {
      if (isTruthy(toValue(settle(value.value(ctx, ctx.opts.lenientIf))), ctx)) {
        renderList(templates, ctx, emitter, Text);
        return;
      }
    }
    renderList(template.elseTemplates ?? [], ctx, emitter, Text);
  } else if (template instanceof UnlessTag) {
    for (const { value, test, templates } of template.branches) {
      if (test(toValue(settle(value.value(ctx, ctx.opts.lenientIf))), ctx)) {
        renderList(templates, ctx, emitter, Text);
        return;
      }
    }
    renderList(template.elseTemplates ?? [], ctx, emitter, Text);
  } else {
    const html = toValueSync(template.render(ctx, emitter as never));
    if (html) emitter.write(html);
  }
}

/** A value that came back pending (a generator: a Drop's lookup, say) finished synchronously. */
function settle(value: unknown): unknown {
  return isIterator(value) ? toValueSync(value as never) : value;
}

/** LiquidJS's own test for a pending value. */
function isIterator(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { next, throw: raise, return: end } = value as Record<string, unknown>;
  return typeof next === 'function' && typeof raise === 'function' && typeof end === 'function';
}

/** LiquidJS's stringify: a Drop's value, nil as nothing, arrays joined. */
function stringify(value: unknown): string {
  const v = toValue(value);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(stringify).join('');
  return String(v);
}
