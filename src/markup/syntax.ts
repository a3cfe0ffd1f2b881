// The parse side's dispatch tables, built once per profile when the module loads: from the profile's
// list of construct names (profiles.ts) and the ordered construct lists (constructs/index.ts), for each
// pass a table indexed by the code of the character that may start a construct (micromark's
// per-character construct maps), so a pass never tests a construct its profile does not have. The
// tables' types (Syntax, ScanSyntax, InlineTable, ByCode) are in construct.ts, with the states they are read on.
import type { ByCode, ConstructName, InlineTable, Reader, ScanSyntax, Syntax, TagConstruct } from './construct.ts';
import { FLOW_CONSTRUCTS, INLINE_CONSTRUCTS, LINE_CONSTRUCTS, LINE_START_CONSTRUCTS, SCAN_CONSTRUCTS, TAG_CONSTRUCTS } from './constructs/index.ts';
import { PROFILES, type ProfileName } from './profiles.ts';

function byFirstCode<S, X>(constructs: readonly { starts: string; tokenize: Reader<S, X> }[]): ByCode<S, X> {
  const lists: (Reader<S, X>[] | undefined)[] = Array.from({ length: 128 }, () => undefined);
  for (const c of constructs) {
    for (const ch of c.starts) {
      const code = ch.charCodeAt(0);
      if (code >= 128) throw new Error(`construct start ${JSON.stringify(ch)} is not ASCII`);
      (lists[code] ??= []).push(c.tokenize);
    }
  }
  return lists.map((readers) => (readers === undefined ? undefined : readers.length === 1 ? readers[0] : firstOf(readers)));
}

/**
 * Tries the readers in order; the first that reads something wins. Unrolled for the short lists every
 * table has (`<`: comment, raw HTML tag, model; `-`: list, rule): each call site then sees the same
 * functions whatever the profile, and the engine can inline them.
 */
function firstOf<S, X>(readers: Reader<S, X>[]): Reader<S, X> {
  const [r0, r1, r2] = readers as [Reader<S, X>, Reader<S, X>, Reader<S, X> | undefined];
  if (readers.length === 2)
    return (state, at, extra) => {
      const next = r0(state, at, extra);
      return next >= 0 ? next : r1(state, at, extra);
    };
  if (readers.length === 3 && r2 !== undefined)
    return (state, at, extra) => {
      let next = r0(state, at, extra);
      if (next < 0) next = r1(state, at, extra);
      return next >= 0 ? next : r2(state, at, extra);
    };
  return (state, at, extra) => {
    for (let k = 0; k < readers.length; k++) {
      const next = (readers[k] as Reader<S, X>)(state, at, extra);
      if (next >= 0) return next;
    }
    return -1;
  };
}

function escapeForClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

function startsOf(constructs: readonly { starts: string }[]): string {
  return [...new Set(constructs.flatMap((c) => [...c.starts]))].join('');
}

function scanSyntax(allowed: ReadonlySet<ConstructName>, containers: boolean): ScanSyntax {
  const kept = <T extends { name: ConstructName; container?: boolean }>(list: readonly T[]) =>
    list.filter((c) => allowed.has(c.name) && (containers || !c.container));
  const scanners = kept(SCAN_CONSTRUCTS);
  const tags = new Map<string, TagConstruct>();
  const endTags = new Map<string, TagConstruct>();
  for (const c of kept(TAG_CONSTRUCTS)) {
    for (const name of c.tags) {
      if (!tags.has(name)) tags.set(name, c);
      if (c.endTags && !endTags.has(name)) endTags.set(name, c);
    }
  }
  return { specials: new RegExp(`[${escapeForClass(startsOf(scanners))}]`, 'g'), byCode: byFirstCode(scanners), tags, endTags };
}

type InlineMode = 'ordinary' | 'inLinkText' | 'typo';

function inlineTable(allowed: ReadonlySet<ConstructName>, mode: InlineMode, ordinary?: InlineTable): InlineTable {
  const constructs = INLINE_CONSTRUCTS.filter(
    (c) => (allowed.has(c.name) || (c.variants ?? []).some((v) => allowed.has(v))) && (mode === 'ordinary' || (mode === 'typo' ? c.inTypo : c.inLinkText)),
  );
  const searched = constructs.filter((c) => c.find !== undefined);
  if (searched.length > 1) throw new Error('the inline pass runs one construct found by its own search');
  const byChar = constructs.filter((c) => c.find === undefined);
  const needles = searched.flatMap((c) => c.needles ?? []).map((n) => `|${n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`);
  const chars = `\uE000${escapeForClass(startsOf(byChar))}`;
  return {
    allowed,
    // one search per profile for every kind of run: a link's text shares its paragraph's memo
    specials: ordinary?.specials ?? new RegExp(`[${chars}]`, 'g'),
    work: ordinary?.work ?? new RegExp(`[${chars}]${needles.join('')}`),
    byCode: byFirstCode(byChar),
    searched: searched[0] ?? null,
    lineStarts: mode === 'ordinary' ? byFirstCode(LINE_START_CONSTRUCTS.filter((c) => allowed.has(c.name))) : null,
  };
}

/** The dispatch tables of a list of construct names (a profile's). */
export function compileSyntax(constructs: readonly ConstructName[]): Syntax {
  const allowed: ReadonlySet<ConstructName> = new Set(constructs);
  const inline = inlineTable(allowed, 'ordinary');
  return {
    allowed,
    scan: scanSyntax(allowed, true),
    typoScan: scanSyntax(allowed, false),
    lines: byFirstCode(LINE_CONSTRUCTS.filter((c) => allowed.has(c.name))),
    heading: FLOW_CONSTRUCTS.some((c) => c.name === 'heading' && allowed.has('heading')),
    blockModel: FLOW_CONSTRUCTS.some((c) => c.name === 'blockModel' && allowed.has('blockModel')),
    inline,
    inLinkText: inlineTable(allowed, 'inLinkText', inline),
    typo: inlineTable(allowed, 'typo', inline),
  };
}

export const SYNTAX: Record<ProfileName, Syntax> = { article: compileSyntax(PROFILES.article.constructs), forum: compileSyntax(PROFILES.forum.constructs) };
