// The site map (/plan): the section tree, each section with its public articles, as nested lists.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import type { SectionTree } from '../../sections/index.ts';
import { Breadcrumb } from './layout.tsx';
import { Title } from './reader-title.tsx';

export interface PlanArticle {
  slug: string;
  title: string;
  section_id: number;
}

export const PlanPage: FC<{ tree: SectionTree; articles: PlanArticle[] }> = ({ tree, articles }) => {
  const bySection = new Map<number, PlanArticle[]>();
  for (const a of articles) bySection.set(a.section_id, [...(bySection.get(a.section_id) ?? []), a]);
  const seen = new Set<number>();
  const Level: FC<{ parentId: number | null }> = ({ parentId }) => {
    const sections = tree.children(parentId).filter((s) => !seen.has(s.id));
    sections.forEach((s) => seen.add(s.id));
    if (!sections.length) return null;
    return (
      <ul class="plan__sections">
        {sections.map((s) => (
          <li>
            <a href={`/rubrique/${s.slug}`}>
              <Title text={s.title} />
            </a>
            {bySection.get(s.id)?.length ? (
              <ul class="plan__articles">
                {bySection.get(s.id)!.map((a) => (
                  <li>
                    <a href={`/${a.slug}`}>
                      <Title text={a.title} />
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <Level parentId={s.id} />
          </li>
        ))}
      </ul>
    );
  };
  return (
    <>
      <Breadcrumb crumbs={[{ label: t('site.home'), href: '/' }, { label: t('feed.plan'), href: '/plan' }]} />
      <h1>{t('feed.plan')}</h1>
      <p>{t('feed.planIntro')}</p>
      <Level parentId={null} />
    </>
  );
};
