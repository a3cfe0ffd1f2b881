// Demo content: the seed page of "Le Labo de l'ESS" (test/fixtures/seed/labo-ess-niort-article.txt) as a
// real site: its sections, the article in SPIP markup, the two related articles, glossary terms,
// a priori forum, follow-us links. Created on first start, or by `tisse init --demo`.
//
// The seed page marks PTCE twice (in its first paragraph, then at « niortais (PTCE) ») and SCOP, ESS and RSE
// once: SPIP's glossary marks a term's first occurrence in each field it filters, and that first paragraph
// is the article's chapô. So it is the lead here, and the site marks terms per field ('field').
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/time.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { writeSettings, type SiteSettings } from '../settings/index.ts';
import { slugify } from '../kernel/slug.ts';

export const demoSettings: Partial<SiteSettings> = {
  name: 'Le Labo de l’ESS',
  tagline:
    'Le Labo de l’ESS est un think tank qui construit, par un travail collaboratif, des axes structurants de l’économie sociale et solidaire, à partir d’initiatives concrètes, innovantes et inspirantes issues des territoires.',
  description: 'Think tank de l’économie sociale et solidaire.',
  forumMode: 'pri',
  lang: 'fr',
  glossaryOccurrences: 'field',
  followLinks: [
    { label: 'Fil RSS', url: '/rss.xml', kind: 'rss' },
    { label: 'Fil Atom', url: '/atom.xml', kind: 'atom' },
    { label: 'Mastodon', url: 'https://mastodon.example/@labo_ess', kind: 'mastodon' },
    { label: 'LinkedIn', url: 'https://www.linkedin.com/company/labo-ess', kind: 'linkedin' },
  ],
};

export const demoArticleLead = `Le Ministre délégué en charge de l'Economie Sociale et Solidaire s'est rendu à Niort, le jeudi 28 mars 2013. Il a notamment posé la première pierre de la Maison de l'économie sociale et solidaire (PTCE), où sera hébergé le PTCE niortais.`;

export const demoArticleText = `Entre la visite de deux Mutuelles -- la Maïf et la Macif -- et de deux Sociétés Coopératives Ouvrières de Production (SCOP) -- la Carrosserie Industrielle Niortaise et le restaurant Le Trévins --, Benoît Hamon a posé symboliquement la première pierre de la Maison de l'Economie Sociale et Solidaire.

Pascal Duforestel, vice-président de la Communauté d'agglomération niortaise, en charge du développement économique, a souligné la particularité de cette Maison : l'aménagement sera terminé fin 2013, elle hébergera une pépinière de l'ESS, un hôtel d'entreprises pour les organisations de l'ESS et sera le siège du Pôle Territorial de Coopération Economique niortais (PTCE).

Jean Pierre Martin, Co-Président de la CRES Poitou-Charentes et porteur du PTCE niortais, a expliqué à Benoît Hamon qu'il s'agit d'un pôle multi-activités, ouvert sur l'économie plurielle. Il regroupe sur le territoire Sud Deux-Sèvres un nombre d'acteurs de l'ESS -- dont beaucoup étaient présents pour la pose de la première pierre -- et associe les entreprises de l'ESS, les entreprises engagées dans la RSE, les relais institutionnels et publics afin de travailler conjointement sur des projets innovants et porteurs de développement économique.

Le Pôle affirme donc sa vocation économique et entrepreneuriale. Celle-ci s'appuie sur la coopération dans la transversalité ou l'intercoopération comme outil de résistance à la crise et moteur des développements économiques futurs.

Historiquement, la coopération agricole, banquière (le Crédit agricole) et le mutualisme sont nés sur ce territoire. Aujourd'hui, il vit toujours au rythme de l'ESS, forte de nombreuses coopératives agricoles, de SCOP, d'associations, Groupements d'Employeurs et de grandes structures mutualistes qui génèrent de nombreux emplois. Et le PTCE s'inscrit dans cette tradition de l'engagement social et solidaire par son action sur le développement économique qui contribuera aussi à faire de l'ESS une alternative économique forte et constructive.

Benoît Hamon a bien noté cette particularité du territoire, soulignant qu'il est {« un laboratoire de l'Economie Sociale et Solidaire »} et a réaffirmé qu'il était légitime que le gouvernement remette en avant les acteurs de l'ESS qui sont engagés depuis longtemps à valoriser un modèle économique innovant, utile socialement et performant.`;

/** The glossary terms; `{alchimie}` in a presentation stands for that article's number (an internal link). */
export const demoGlossary = [
  { term: 'PTCE', variants: ['PTCE niortais'], definition: 'Pôles territoriaux de coopération économique.', presentation: '' },
  { term: 'SCOP', variants: ['Scop', 'SCOPs'], definition: 'Société coopérative et participative', presentation: '' },
  {
    term: 'ESS',
    variants: [],
    // On two lines, as on the seed page.
    definition:
      'Qu’est-ce que l’Économie sociale et solidaire (ESS) ?\nDéfinition et présentation de cette économie différente, socialement utile, coopérative et ancrée localement',
    presentation: `L'économie sociale et solidaire rassemble les entreprises qui cherchent à concilier activité économique et utilité sociale : associations, coopératives, mutuelles, fondations et sociétés commerciales qui en adoptent les principes.

{{Ses principes}} : une gouvernance démocratique (une personne, une voix), des bénéfices majoritairement consacrés au maintien et au développement de l'activité, un ancrage dans les territoires.

La loi du 31 juillet 2014 en a donné pour la première fois une définition légale en France. Pour son financement, lire [->art{alchimie}].`,
  },
  { term: 'RSE', variants: [], definition: 'Responsabilité sociale des entreprises', presentation: '' },
];

export async function createDemoContent(db: Db): Promise<void> {
  await db.write((trx) => writeSettings(trx, demoSettings));

  const quotidien = await createSection(db, { title: 'L’ESS au quotidien', description: 'L’économie sociale et solidaire telle qu’elle se vit, partout en France.' });
  const actu = await createSection(db, { title: 'L’actu de l’ESS', parentId: quotidien.id, description: 'Les nouvelles de l’économie sociale et solidaire.' });
  const travaux = await createSection(db, { title: 'Nos travaux', description: 'Les études et propositions du Labo.' });

  const alchimie = await createArticle(db, {
    sectionId: travaux.id,
    title: 'L’alchimie de l’écosystème financier solidaire',
    description: 'Comment épargnants, financeurs et entreprises solidaires font système.',
    text: `La finance solidaire relie des épargnants qui veulent donner du sens à leur argent et des entreprises de l'ESS qui peinent à se financer auprès des banques classiques.

{{{Trois familles d'acteurs}}}

-* les épargnants, par l'épargne salariale et les livrets solidaires ;
-* les financeurs solidaires, qui collectent et investissent ;
-* les entreprises solidaires, qui créent des emplois et du lien.

Le Labo a réuni ces acteurs pendant un an pour comprendre ce qui fait {réussir} un projet[[Voir le rapport complet du groupe de travail, 2014.]].`,
    status: 'published',
    publishedAt: '2014-03-10T07:45:00.000Z',
  });
  const emploi = await createArticle(db, {
    sectionId: travaux.id,
    title: 'Transformer l’emploi, redonner du sens au travail',
    description: 'Ce que les entreprises de l’ESS apprennent au reste de l’économie sur le travail.',
    text: `Dans les SCOP comme dans les associations, les salariés participent aux décisions. Cette expérience nourrit une réflexion plus large sur la qualité de l'emploi.

Le Labo propose {{cinq pistes}} pour transformer l'emploi : la participation, la formation, la mobilité choisie, la coopération entre employeurs et la reconnaissance du bénévolat.`,
    status: 'published',
    publishedAt: '2015-06-02T08:00:00.000Z',
  });

  await createArticle(db, {
    sectionId: actu.id,
    title: 'Benoît Hamon en visite à Niort',
    description: 'Le ministre délégué à l’ESS a posé la première pierre de la Maison de l’ESS de Niort.',
    lead: demoArticleLead,
    text: demoArticleText,
    status: 'published',
    publishedAt: '2013-04-12T08:30:00.000Z',
    forumMode: 'pri',
    relatedIds: [alchimie.id, emploi.id],
  });

  const now = nowIso();
  await db.write(async (trx) => {
    for (const entry of demoGlossary) {
      await trx
        .insertInto('glossary_terms')
        .values({
          term: entry.term,
          slug: slugify(entry.term),
          variants: JSON.stringify(entry.variants),
          definition: entry.definition,
          presentation: entry.presentation.replaceAll('{alchimie}', String(alchimie.id)),
          link_url: '',
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  });
}
