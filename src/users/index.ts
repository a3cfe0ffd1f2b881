// Authors and accounts: who may do what (`can()`), passwords, back-office sessions, login throttling (with device
// cookies), and the operations on accounts (create, edit, disable, log in, password reset). The only door into this module.
export { createUser } from './operations/create-user.ts';
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
export { SESSION_COOKIE, SESSION_DAYS, deleteSession, findSession, randomToken, sha256 } from './sessions.ts';
export { listUsers, loadUser } from './users.ts';
export type { UserSummary } from './users.ts';
export { listWriters, loadUserNames } from './users.ts';
