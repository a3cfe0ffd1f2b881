// The one door through which pre-rendered HTML enters a page. Only the markup engine's output (already
// restricted to its profile's allow-list) and Tisse's own static fragments may pass through it: in a hono/jsx
// page as markupHtml(), in a theme template as a SafeHtml value (the themes' escape passes it through, and
// nothing a template writes can make one).
import { raw } from 'hono/html';

export function markupHtml(html: string): ReturnType<typeof raw> {
  return raw(html);
}

/** HTML that Tisse vouches for (markup output, its own fragments): written as it is by a theme template. */
export class SafeHtml {
  readonly html: string;

  constructor(html: string) {
    this.html = html;
  }

  toString(): string {
    return this.html;
  }
}

/** `html` as a template value: SafeHtml, or null when empty (so that `{% if %}` reads it as absent). */
export function safeHtml(html: string | null | undefined): SafeHtml | null {
  return html ? new SafeHtml(html) : null;
}
