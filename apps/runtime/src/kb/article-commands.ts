import type { ArticleBody, ArticleFeedbackBody, ArticleFlagBody, KbLocale } from '@caseflow/schema';
import type { Clock } from '../clock';
import { actingUser } from '../executor/acting-user';
import { conflict, forbidden, notFound } from '../executor/errors';
import type { ArticleAction, ArticleRow } from '../store/kb-store';
import type { Store, UserRow } from '../store/store';
import { indexArticle } from './article-index';
import { audiencesFor, isStaff, mayEditArticles } from './kb-access';

/*
 * Commands of the knowledge base. Each runs in one transaction and checks who may do it there,
 * with the acting user read inside it (a deactivated editor cannot save).
 */

const TRACKED: Array<keyof ArticleBody> = [
  'title',
  'body',
  'category',
  'tags',
  'audience',
  'status',
  'catalogItems',
];

function changedFields(before: ArticleRow | null, after: ArticleBody): string[] {
  if (!before) return [...TRACKED];
  return TRACKED.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

function actionOf(before: ArticleRow | null, after: ArticleBody): ArticleAction {
  if (!before) return after.status === 'published' ? 'published' : 'created';
  if (before.status !== after.status) return after.status === 'published' ? 'published' : 'unpublished';
  return 'updated';
}

export interface SaveArticleInput {
  slug: string;
  body: ArticleBody;
  actor: string;
  /** POST: the article must not exist yet (409). */
  create?: boolean;
  /** The revision the editor started from: a save over a newer one is a 409. */
  revision?: number;
}

/**
 * Creates or replaces one language of an article, records who changed which fields, and updates
 * the search index in the same transaction. Owners, admins and agents of kb-editors only (403).
 */
export function saveArticle(store: Store, clock: Clock, input: SaveArticleInput): Promise<ArticleRow> {
  return store.transaction(async (tx) => {
    const user = await actingUser(tx, input.actor);
    if (!mayEditArticles(user)) throw forbidden('only owners and knowledge-base editors write articles');
    const { slug, body } = input;
    const before = await tx.kb.get(slug, body.locale);
    if (input.create && before) throw conflict(`article ${slug} (${body.locale}) exists`);
    if (input.revision !== undefined && (before?.revision ?? 0) !== input.revision) {
      throw conflict(`article ${slug} (${body.locale}) was changed meanwhile`, {
        revision: before?.revision ?? 0,
      });
    }
    const now = clock.now();
    const changes = changedFields(before, body);
    const row: ArticleRow = {
      ...body,
      slug,
      revision: (before?.revision ?? 0) + 1,
      helpful: before?.helpful ?? 0,
      notHelpful: before?.notHelpful ?? 0,
      // A save answers the "outdated" flag: the editor has looked at it.
      flaggedAt: null,
      flagReason: null,
      createdAt: before?.createdAt ?? now,
      createdBy: before?.createdBy ?? user.username,
      updatedAt: now,
      updatedBy: user.username,
    };
    const saved = await tx.kb.save(
      row,
      {
        slug,
        locale: body.locale,
        revision: row.revision,
        at: now,
        by: user.username,
        action: actionOf(before, body),
        changes,
        note: null,
      },
      before?.revision ?? 0,
    );
    if (!saved) throw conflict(`article ${slug} (${body.locale}) was changed meanwhile`);
    await indexArticle(tx, saved);
    return saved;
  });
}

/**
 * The article of `slug` the reader asked for: the requested locale, else the preferred one,
 * else English, else any — among the translations `user` may read (audience; drafts only for
 * editors). 404 when there is none, so hidden articles do not leak.
 */
export async function readableArticle(
  store: Store,
  user: UserRow | null,
  slug: string,
  locales: KbLocale[],
): Promise<{ article: ArticleRow; translations: ArticleRow[] }> {
  const audiences = audiencesFor(user);
  const editor = mayEditArticles(user);
  const translations = (await store.kb.translations(slug)).filter(
    (a) => audiences.includes(a.audience) && (editor || a.status === 'published'),
  );
  for (const locale of [...locales, 'en' as const]) {
    const found = translations.find((a) => a.locale === locale);
    if (found) return { article: found, translations };
  }
  const any = translations[0];
  if (!any) throw notFound('article', slug);
  return { article: any, translations };
}

/**
 * Records a read by a customer or an anonymous reader (staff reads are work, not views) of a
 * published article.
 */
export async function recordView(store: Store, clock: Clock, user: UserRow | null, article: ArticleRow) {
  if (isStaff(user) || article.status !== 'published') return;
  await store.kb.recordView({
    slug: article.slug,
    locale: article.locale,
    username: user?.username ?? null,
    customerId: user?.customerId ?? null,
    at: clock.now(),
  });
}

/**
 * "This solved my problem" / "it didn't": one vote per person and article (a new one replaces
 * it), counted into the article's helpfulness and its rank. Signed-in readers of a published
 * article they may read (404 otherwise).
 */
export function voteArticle(
  store: Store,
  clock: Clock,
  input: { slug: string; actor: string; body: ArticleFeedbackBody; locales: KbLocale[] },
): Promise<ArticleRow> {
  return store.transaction(async (tx) => {
    const user = await actingUser(tx, input.actor);
    const locales = input.body.locale ? [input.body.locale] : input.locales;
    const { article } = await readableArticle(tx, user, input.slug, locales);
    if (article.status !== 'published') throw notFound('article', input.slug);
    const updated = await tx.kb.vote({
      slug: article.slug,
      locale: article.locale,
      username: user.username,
      customerId: user.customerId,
      helpful: input.body.helpful,
      reason: input.body.reason ?? null,
      draftId: input.body.draftId ?? null,
      catalogItem: input.body.catalogItem ?? null,
      at: clock.now(),
    });
    if (!updated) throw notFound('article', input.slug);
    return updated;
  });
}

/**
 * An agent marks an article outdated (from a case, say): the flag shows in the editor's list
 * and the history until the next save. Staff who may read it only.
 */
export function flagArticle(
  store: Store,
  clock: Clock,
  input: { slug: string; actor: string; body: ArticleFlagBody; locales: KbLocale[] },
): Promise<ArticleRow> {
  return store.transaction(async (tx) => {
    const user = await actingUser(tx, input.actor);
    if (!isStaff(user)) throw forbidden('only staff flag articles');
    const locales = input.body.locale ? [input.body.locale] : input.locales;
    const { article } = await readableArticle(tx, user, input.slug, locales);
    const note = input.body.caseId ? `${input.body.reason} (case ${input.body.caseId})` : input.body.reason;
    const now = clock.now();
    const flagged = await tx.kb.flag(article.slug, article.locale, note, {
      slug: article.slug,
      locale: article.locale,
      revision: article.revision,
      at: now,
      by: user.username,
      action: 'flagged',
      changes: [],
      note,
    });
    if (!flagged) throw notFound('article', input.slug);
    return flagged;
  });
}
