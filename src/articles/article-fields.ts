// An article's text fields and their bounds, the same for a new article (CLI, import, tests) and for the editor's
// form: titles are short, the text may be a long report, and none may hold a NUL or broken UTF-16.
import { safeText } from '../kernel/input.ts';

export const articleTextFields = {
  title: safeText(500).trim().min(1, 'errors.field.titleRequired'),
  surtitle: safeText(500).default(''),
  subtitle: safeText(500).default(''),
  description: safeText(5000).default(''),
  lead: safeText(100_000).default(''),
  text: safeText(2_000_000).default(''),
  postscript: safeText(100_000).default(''),
};
