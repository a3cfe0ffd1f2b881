// Poetry: `<poesie>…</poesie>` (or `<poetry>`), each line kept as a line.
//
//   <poesie> line ( \n line )* </poesie>
import type { TagConstruct } from '../construct.ts';
import { readContainerTag } from './container.ts';

export const poetry: TagConstruct = {
  name: 'poetry',
  tags: ['poesie', 'poetry'],
  endTags: true,
  container: true,
  tokenize: readContainerTag('poesie'),
};
