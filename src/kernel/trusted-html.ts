// The one door through which pre-rendered HTML enters a page. Only the markup engine's output (already
// restricted to its profile's allow-list) and Tisse's own static fragments may pass through it.
import { raw } from 'hono/html';

export function markupHtml(html: string): ReturnType<typeof raw> {
  return raw(html);
}
