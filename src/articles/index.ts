// Articles: reads for the public site and the back office, visibility (what readers may see), the editorial
// workflow (one state machine), revisions, and the operations that change an article. The only door into
// this module: other modules and the HTTP layer import from here.
export { listArticlesForActor } from './article-lists.ts';
export { articleListSorts, listBackOfficeArticles } from './back-office-list.ts';
export type { ArticleListFilter, ArticleListSort } from './back-office-list.ts';
export { BULK_MAX, changeArticlesInBulk } from './operations/change-articles-in-bulk.ts';
export type { BulkArticleAction } from './operations/change-articles-in-bulk.ts';
export { viewableArticles } from './viewable.ts';
export { loadAwaitingWork } from './awaiting-work.ts';
export type { AwaitingWork, TeamMessageRow } from './awaiting-work.ts';
export type { ArticleRow } from './article-lists.ts';
export { listMonthArticles, loadArchiveCalendar, monthCount } from './archive.ts';
export type { ArchiveCalendar, ArchiveMonth, ArchiveYear } from './archive.ts';
export { inLanguage, loadPublicLanguages } from './articles.ts';
export { countPublicArticles, listPlanArticles, listPublicArticles, loadArticle, loadArticleCovers, loadArticlePageData, loadArticlesByIds, newestInSection, nextScheduledPublication } from './articles.ts';
export type { ArticleCover, ArticlePageData, ArticleSummary, PublicArticleFilter } from './articles.ts';
export { SCHEDULED_PUBLICATION_JOB, changeArticleStatus } from './operations/change-article-status.ts';
export { autosaveArticle } from './operations/autosave-article.ts';
export { createArticle, createArticleFromForm } from './operations/create-article.ts';
export { markEditing, othersEditing } from './operations/edit-lock.ts';
export { markScheduledPublication } from './operations/mark-scheduled-publication.ts';
export { postTeamMessage } from './operations/post-team-message.ts';
export { restoreRevision } from './operations/restore-revision.ts';
export { updateArticle } from './operations/update-article.ts';
export { diffRevisionFields, listRevisions, loadRevisionFields } from './revision-diff.ts';
export type { FieldDiff, RevisionEntry } from './revision-diff.ts';
export { isPublic, isScheduled, publicArticles } from './visibility.ts';
export { articleStatuses, isTransitionName, transitionsFrom } from './workflow.ts';
export type { TransitionName } from './workflow.ts';
export { listArticleChoices, listTeamMessages, loadArticleLinks } from './editor-data.ts';
export type { ArticleChoice } from './editor-data.ts';
export { loadPublicSectionTree } from './public-sections.ts';
export { defaultSectionId, sectionChoices } from './section-choices.ts';
export type { SectionChoice } from './section-choices.ts';
export { loadTranslationGroup, publicTranslations, groupIdOf } from './translations.ts';
export type { TranslationMember } from './translations.ts';
export { translateArticle } from './operations/translate-article.ts';
export { linkTranslation } from './operations/link-translation.ts';
