// Quotations: `<quote>…</quote>`, a container of blocks (SPIP's `<blockquote class="spip">`).
//
//   <quote> blocks… </quote>
import type { TagConstruct } from '../construct.ts';
import { readContainerTag } from './container.ts';

export const quote: TagConstruct = {
  name: 'quote',
  tags: ['quote'],
  endTags: true,
  container: true,
  tokenize: readContainerTag('quote'),
};
