// Authors and accounts: who may do what (`can()`), passwords, back-office sessions, login throttling (with device
// cookies), and the operations on accounts (create, edit, disable, log in, password reset, a person's own profile:
// name, email, password, sessions). The only door into this module.
export { changeEmail } from './operations/change-email.ts';
export type { ChangeEmailInput } from './operations/change-email.ts';
export { changePassword } from './operations/change-password.ts';
export type { ChangePasswordInput } from './operations/change-password.ts';
export { createUser } from './operations/create-user.ts';
export { endOtherSessions } from './operations/end-other-sessions.ts';
export { updateProfile } from './operations/update-profile.ts';
export type { ProfileInput } from './operations/update-profile.ts';
export { disableUser } from './operations/disable-user.ts';
export { LoginThrottledError, logIn } from './operations/log-in.ts';
export type { LoggedIn, LoginInput } from './operations/log-in.ts';
export { requestPasswordReset } from './operations/request-password-reset.ts';
export { findValidReset, resetPassword } from './operations/reset-password.ts';
export { setPassword } from './operations/set-password.ts';
export { issueResetLink, openResetRequest, resetLinkTemplate } from './reset-links.ts';
export { updateUser } from './operations/update-user.ts';
export { administers, articleTargetOf, can, loadActor, loadArticleTarget, loadDocumentTarget } from './permissions.ts';
export type { Actor, ArticleAction, ArticleTarget, DocumentTarget, SiteAction } from './permissions.ts';
export { listSectionAdministrators } from './section-administrators.ts';
export type { SectionAdministrator } from './section-administrators.ts';
export { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from './device-cookies.ts';
export { SEEN_EVERY_MS, SESSION_COOKIE, SESSION_DAYS, deleteSession, findSession, listSessions, noteSessionSeen, randomToken, sha256 } from './sessions.ts';
export type { SessionSummary } from './sessions.ts';
export { listUsers, loadUser } from './users.ts';
export { listUserPage, userListSorts } from './user-list.ts';
export type { UserListFilter, UserListSort } from './user-list.ts';
export type { UserSummary } from './users.ts';
export { listWriters, loadUserNames } from './users.ts';
