// Languages and translations (issue 22), on both databases: an article's language is chosen or its section's,
// sections inherit from their parent and a change reaches down; "Traduire" makes a linked copy; the group shows
// which translation is out of date; a same-language translation, a cycle or a bad code is refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createSection, moveSection, updateSection } from '../sections/index.ts';
import { loadActor, type Actor } from '../users/index.ts';
import { isTisseError } from '../kernel/errors.ts';
import { createArticle, linkTranslation, loadArticle, loadTranslationGroup, translateArticle, updateArticle } from './index.ts';

async function refusal(work: Promise<unknown>): Promise<{ code: string; key: unknown; fields: Record<string, string> | undefined }> {
  try {
    await work;
  } catch (error) {
    if (isTisseError(error)) return { code: error.code, key: typeof error.text === 'string' ? error.text : error.text.key, fields: error.fields };
    throw error;
  }
  assert.fail('expected a refusal');
}

forEachDatabase('languages and translations', (dialect) => {
  let t: TestDatabase;
  let admin: Actor;
  before(async () => {
    t = await openTestDatabase(dialect);
    admin = await loadActor(t.db, { id: t.adminId, role: 'administrator' });
  });
  after(() => t.close());

  test('sections inherit their parent’s language, articles their section’s, and a change reaches down', async () => {
    const top = await createSection(t.db, { title: 'Publications' });
    const english = await createSection(t.db, { title: 'In English', parentId: top.id, lang: 'en' });
    const below = await createSection(t.db, { title: 'Briefs', parentId: english.id });
    assert.equal(top.lang, 'fr');
    assert.equal(below.lang, 'en');
    const inherits = await createArticle(t.db, { sectionId: below.id, title: 'A brief', status: 'published' });
    const chosen = await createArticle(t.db, { sectionId: below.id, title: 'Une note', status: 'published', lang: 'fr' });
    assert.equal(inherits.lang, 'en');
    assert.equal(chosen.lang, 'fr');
    await updateSection(t.db, english.id, { title: 'In English', lang: 'en-GB' });
    assert.equal((await loadArticle(t.db, inherits.id))!.lang, 'en-GB');
    assert.equal((await loadArticle(t.db, chosen.id))!.lang, 'fr', 'a chosen language stays');
    // Moved to the French top, the branch that inherited follows it.
    await updateSection(t.db, english.id, { title: 'In English', lang: '' });
    await moveSection(t.db, below.id, null);
    assert.equal((await loadArticle(t.db, inherits.id))!.lang, 'fr');
  });

  test('a language that is not BCP 47 is refused with a clear message, the article unchanged', async () => {
    const section = await createSection(t.db, { title: 'Notes' });
    const article = await createArticle(t.db, { sectionId: section.id, title: 'Une note' });
    const refused = await refusal(updateArticle(t.db, admin, article.id, { title: 'Une note', sectionId: section.id, lang: 'français' }));
    assert.equal(refused.code, 'BAD_INPUT');
    assert.match(refused.fields?.lang ?? '', /BCP 47/);
    assert.equal((await loadArticle(t.db, article.id))!.lang, 'fr');
    const saved = await updateArticle(t.db, admin, article.id, { title: 'Une note', sectionId: section.id, lang: 'EN-gb' });
    assert.equal(saved.article.lang, 'en-GB');
    assert.equal(saved.article.lang_chosen, 1);
  });

  test('“Traduire” makes a linked draft copy; the group tells which translation is out of date', async () => {
    const section = await createSection(t.db, { title: 'Études' });
    const original = await createArticle(t.db, { sectionId: section.id, title: 'L’économie sociale', text: 'Un texte.', status: 'published' });
    const english = await translateArticle(t.db, admin, original.id, { lang: 'en' });
    assert.equal(english.translation_of, original.id);
    assert.equal(english.lang, 'en');
    assert.equal(english.status, 'draft');
    assert.equal(english.text, 'Un texte.');
    // Translating a translation joins the same group, named by its original.
    const german = await translateArticle(t.db, admin, english.id, { lang: 'de' });
    assert.equal(german.translation_of, original.id);
    let group = await loadTranslationGroup(t.db, english);
    assert.deepEqual(group.map((m) => [m.lang, m.isOriginal, m.outdated]), [['fr', true, false], ['en', false, false], ['de', false, false]]);
    // The original changes after its translations: both are out of date; the English one is updated, no more.
    await updateArticle(t.db, admin, original.id, { title: 'L’économie sociale', sectionId: section.id, text: 'Un texte revu.' });
    await updateArticle(t.db, admin, english.id, { title: 'The social economy', sectionId: section.id, text: 'A text, revised.' });
    group = await loadTranslationGroup(t.db, original);
    assert.deepEqual(group.map((m) => [m.lang, m.outdated]), [['fr', false], ['en', false], ['de', true]]);

    // Refused: the same language as the article, a language the group has, a bad code.
    assert.equal((await refusal(translateArticle(t.db, admin, original.id, { lang: 'fr-CA' }))).key, 'errors.translations.sameLanguage');
    assert.equal((await refusal(translateArticle(t.db, admin, original.id, { lang: 'en-GB' }))).key, 'errors.translations.languageTaken');
    assert.equal((await refusal(translateArticle(t.db, admin, original.id, { lang: '<b>' }))).code, 'BAD_INPUT');
    // A translation changed into a language its group has is refused too.
    assert.equal((await refusal(updateArticle(t.db, admin, german.id, { title: 'x', sectionId: section.id, lang: 'en' }))).key, 'errors.translations.languageTaken');
  });

  test('linking refuses itself, a cycle and an original of translations; unlinking leaves the group', async () => {
    const section = await createSection(t.db, { title: 'Tribunes' });
    const a = await createArticle(t.db, { sectionId: section.id, title: 'Tribune' });
    const b = await createArticle(t.db, { sectionId: section.id, title: 'Op-ed', lang: 'en' });
    const c = await createArticle(t.db, { sectionId: section.id, title: 'Meinung', lang: 'de' });
    assert.equal((await refusal(linkTranslation(t.db, admin, a.id, a.id))).key, 'errors.translations.self');
    await linkTranslation(t.db, admin, b.id, a.id);
    assert.equal((await refusal(linkTranslation(t.db, admin, a.id, b.id))).key, 'errors.translations.cycle');
    assert.equal((await refusal(linkTranslation(t.db, admin, a.id, c.id))).key, 'errors.translations.isOriginal');
    // Linked to a translation, an article joins the group's original.
    assert.equal((await linkTranslation(t.db, admin, c.id, b.id)).translation_of, a.id);
    await linkTranslation(t.db, admin, c.id, null);
    assert.deepEqual((await loadTranslationGroup(t.db, a)).map((m) => m.id), [a.id, b.id]);
  });
});
