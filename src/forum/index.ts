// Public forums: posting (checks, anti-spam, form tokens, rate limits), moderation, threads as readers
// see them, moderators' notification mail. The only door into this module; its pages are in site/ and admin/.
export { checkPost } from './check-post.ts';
export type { PostInput } from './check-post.ts';
export { checkFormToken, claimFormToken, issueFormToken, nextFormToken } from './form-token.ts';
export type { FormKind } from './form-token.ts';
export { loadForumPolicy } from './policy.ts';
export { forumModeOf } from './modes.ts';
export { listModerationMessages, moderationSorts } from './moderation-list.ts';
export type { ModerationFilter, ModerationSort } from './moderation-list.ts';
export { moderateMessages, moderationActions } from './operations/moderate-messages.ts';
export type { ModerationAction } from './operations/moderate-messages.ts';
export { postMessage } from './operations/post-message.ts';
export { countMessagesFor, listFeedMessages, listMessages, loadPublishedMessage } from './queries.ts';
export type { ModerationRow } from './queries.ts';
export { messageHtml } from './message-html.ts';
export { FORUM_NOTIFICATION_JOB, notifyModerators } from './notify-moderators.ts';
export { isForumRejection } from './rejection.ts';
export { publishedMessagesQuery, threadsOf } from './threads.ts';
export type { ForumMessageView, PublishedMessageRow } from './threads.ts';
