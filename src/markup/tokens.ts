// What the scanner takes out of the text: the tokens of raw HTML tags and models (read by
// constructs/html-tag.ts and constructs/model.ts) and the islands every construct of the first pass
// makes, which the later passes see as placeholders in a working string (working.ts).
import type { Attribute } from './ast.ts';
import type { Working } from './working.ts';

export interface TagToken {
  name: string;
  attrs: Attribute[];
  closing: boolean;
  selfClosing: boolean;
  end: number;
}

export interface ModelToken {
  name: string;
  id: number | null;
  params: string[];
  end: number;
}

export type Island =
  | { kind: 'code'; value: string; block: boolean; start: number; end: number }
  | { kind: 'cadre'; value: string; start: number; end: number }
  | { kind: 'math'; value: string; start: number; end: number }
  | { kind: 'escaped'; value: string; start: number; end: number }
  | { kind: 'rawText'; value: string; start: number; end: number }
  | { kind: 'tag'; tag: TagToken; source: string; start: number; end: number }
  | { kind: 'model'; model: ModelToken; source: string; start: number; end: number }
  | { kind: 'quote' | 'poesie'; inner: Working; start: number; end: number }
  | { kind: 'note'; inner: Working; label: string | null; start: number; end: number };
