// The email that tells a section's administrators an article was proposed for publication: its title, its authors,
// who proposed it and a link to its editor, in the recipient's language (their account's, else the site's).
// Plain text only: every value in it is typed by someone, and a mail client shows plain text as it is.
import { isLang, t, type Lang } from '../kernel/i18n/index.ts';
import type { Mail } from '../outbox/index.ts';
import type { SectionAdministrator } from '../users/index.ts';

export interface ProposalMailInput {
  siteUrl: string;
  siteName: string;
  /** The site's language: the mail's, when the recipient chose none. */
  siteLang: Lang;
  recipient: SectionAdministrator;
  article: { id: number; title: string };
  sectionTitle: string;
  authors: string[];
  proposer: string;
}

export function proposalMail(input: ProposalMailInput): Mail {
  const lang: Lang = isLang(input.recipient.lang) ? input.recipient.lang : input.siteLang;
  const params = {
    name: input.recipient.name,
    title: input.article.title,
    section: input.sectionTitle,
    proposer: input.proposer,
    authors: input.authors.length ? input.authors.join(', ') : t('mail.articleProposed.noAuthor', {}, lang),
    url: `${input.siteUrl}/ecrire/articles/${input.article.id}`,
    site: input.siteName,
  };
  return {
    to: input.recipient.email,
    subject: `${input.siteName} — ${t('mail.articleProposed.subject', params, lang)}`,
    text: t('mail.articleProposed.body', params, lang),
  };
}
