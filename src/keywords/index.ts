// Keywords (mots-clés) and their groups, and linking them to articles and sections. The only door into
// this module.
export { checkKeywordChoice, listKeywordGroups, parseAppliesTo } from './keywords.ts';
export type { KeywordGroupWithKeywords } from './keywords.ts';
export { deleteKeywordGroup } from './operations/delete-keyword-group.ts';
export { deleteKeyword } from './operations/delete-keyword.ts';
export { saveKeywordGroup } from './operations/save-keyword-group.ts';
export { saveKeyword } from './operations/save-keyword.ts';
export { keywordChoices, listKeywordSlugs, loadKeyword, loadKeywordGroup } from './keywords.ts';
export { keywordListSorts, listKeywordGroupSummaries, listKeywordPage } from './keyword-list.ts';
export type { KeywordGroupSummary, KeywordListFilter, KeywordListSort, KeywordRow } from './keyword-list.ts';
