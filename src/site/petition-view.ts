// What the theme's petition templates receive: the block of the article page (text, count, signatories, the form
// with an empty token that petition.js fills, as a cached page carries none) and the form of the petition page.
import { propre } from '../markup/index.ts';
import { safeHtml } from '../kernel/trusted-html.ts';
import { t } from '../kernel/i18n/index.ts';
import type { PublicSignature } from '../petitions/index.ts';
import type { Petition } from '../petitions/index.ts';

export const PETITION_HONEYPOT = 'site_web';
export const SIGN_ACTION = '/petition/signer';

export interface PetitionFormValues {
  name?: string;
  email?: string;
  siteName?: string;
  siteUrl?: string;
  message?: string;
  shown?: boolean;
}

const FIELDS = ['name', 'email', 'siteName', 'siteUrl', 'message'] as const;

export function petitionCountText(count: number): string {
  if (count === 0) return t('petition.countNone');
  if (count === 1) return t('petition.countOne');
  return t('petition.countMany', { count: count.toLocaleString('fr-FR') });
}

export function petitionFormView(props: { articleId: number; allowMessage: boolean; token: string | null; values?: PetitionFormValues; errors?: Record<string, string> }) {
  const { values = {}, errors = {} } = props;
  return {
    action: SIGN_ACTION,
    article_id: props.articleId,
    // null: the page is cached, petition.js asks /petition/jeton for this view's token.
    token: props.token ?? '',
    token_url: props.token === null ? `/petition/jeton?article=${props.articleId}` : null,
    allow_message: props.allowMessage,
    values: { ...Object.fromEntries(FIELDS.map((name) => [name, values[name] ?? ''])), shown: values.shown ?? true },
    errors: Object.fromEntries(FIELDS.map((name) => [name, errors[name] ?? null])),
    general_error: Object.keys(errors).length > 0 ? (errors[''] ?? t('errors.petition.fixFields')) : null,
    honeypot: PETITION_HONEYPOT,
  };
}

export function petitionBlockView(articleId: number, view: { petition: Petition; count: number; signatures: PublicSignature[] }) {
  const open = view.petition.status === 'open';
  return {
    text_html: safeHtml(propre(view.petition.text).html),
    open,
    count: view.count,
    count_text: petitionCountText(view.count),
    signatures: view.signatures.map((s) => ({
      name: s.name,
      site_name: s.siteName,
      site_url: /^https?:\/\//i.test(s.siteUrl) ? s.siteUrl : '',
      message: s.message,
      confirmed_at: s.confirmedAt,
    })),
    form: open ? petitionFormView({ articleId, allowMessage: view.petition.allow_message === 1, token: null }) : null,
  };
}
