// The newsletter (issue 20): lists, subscribers with double opt-in and their consent proof, issues and digests
// rendered with MJML, delivered exactly once per subscriber through the jobs table, one-click unsubscribe. The
// only door into this module.
export { subscriberEmailSchema, subscriberNameSchema, isSubscriberEmail } from './subscriber-input.ts';
export { issueSignupToken, nextSignupToken } from './signup-token.ts';
export { CONFIRM_PATH, UNSUBSCRIBE_PATH } from './links.ts';
export { listAllLists, listPublicLists, loadList, findList } from './lists.ts';
export { signUp, type SignUpInput } from './operations/sign-up.ts';
export { confirmSubscription, readConfirmationLink } from './operations/confirm-subscription.ts';
export { unsubscribe, readUnsubscribeLink, type UnsubscribeTarget } from './operations/unsubscribe.ts';
export { saveList, deleteList, listInputSchema, type ListInput } from './operations/save-list.ts';
export { renderLetter, UNSUBSCRIBE_MARKER, type LetterContent, type RenderedLetter } from './letter.ts';
export { failureKind, type LetterMessage, type LetterSender } from './letter-sender.ts';
export { startSending, NEWSLETTER_START_JOB, NEWSLETTER_BATCH_JOB, type BatchPayload } from './operations/start-sending.ts';
export { deliverBatch, finishIfDone, MAX_ATTEMPTS } from './deliver-batch.ts';
export { saveIssue, issueInputSchema, type IssueInput } from './operations/compose-issue.ts';
export { scheduleIssue } from './operations/schedule-issue.ts';
export { buildDigest } from './operations/build-digest.ts';
export { listSubscriberPage, loadSubscriber, countSubscribersByList, subscriberStatuses, subscriberListSorts, type SubscriberListSort, type SubscriberRow } from './subscribers.ts';
export { eraseSubscriber } from './operations/erase-subscriber.ts';
export { exportSubscribersCsv } from './subscribers-csv.ts';
export { importSubscribers, IMPORT_MAX_ROWS, type ImportResult, type ImportProblem } from './operations/import-subscribers.ts';
export { listIssues, loadIssue, issueReport, type IssueSummary, type IssueReport } from './issues.ts';
export { previewIssue, sendTestLetter } from './operations/preview-issue.ts';
