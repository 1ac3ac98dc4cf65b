import {
  Article,
  ArticleBody,
  ArticleCreate,
  ArticleFeedbackBody,
  ArticleFlagBody,
  ArticleHistoryEntry,
  ArticleSlug,
  ArticleStatus,
  ArticleSummary,
  KbLocale,
  KbMetrics,
  LOCALES,
  SearchHit,
  SearchKind,
} from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { actorOf } from '../auth/access';
import { requireRole, requireUser } from '../auth/roles';
import type { AppDeps, AppEnv, Router } from '../http/context';
import { forbidden, notFound } from '../http/errors';
import { bearer, errorResponses, isoAt, json, jsonBody, newRouter, pageOf } from '../http/openapi';
import { answerLocale } from '../messages/error-messages';
import type { ArticleRow } from '../store/kb-store';
import { flagArticle, readableArticle, recordView, saveArticle, voteArticle } from './article-commands';
import { audiencesFor, isStaff, mayEditArticles } from './kb-access';
import { kbMetrics } from './kb-metrics';
import { searchKb } from './kb-search';
import { renderMarkdown } from './markdown';

const tags = ['knowledge base'];
const staff = requireRole('agent');
const owner = requireRole('owner');
const SlugParam = z.object({ slug: z.string().min(1).max(120) });
const Revision = z.object({ revision: z.number().int().min(0).max(2_147_483_647).optional() });
const LocaleQuery = z.object({ locale: KbLocale.optional() });
const Instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** The reader's languages: `?locale=` alone, else Accept-Language's choice first, then the others. */
function localesOf(c: Context<AppEnv>, asked?: KbLocale): KbLocale[] {
  if (asked) return [asked];
  // As every answer: the client's Accept-Language, else the reader's profile language.
  const first = answerLocale(c.req.header('accept-language'), c.get('user')?.locale);
  return [first, ...LOCALES.filter((l) => l !== first)];
}

function toSummary(row: ArticleRow): z.infer<typeof ArticleSummary> {
  return {
    slug: row.slug,
    title: row.title,
    category: row.category,
    tags: row.tags,
    audience: row.audience,
    locale: row.locale,
    status: row.status,
    catalogItems: row.catalogItems,
    revision: row.revision,
    updatedAt: isoAt(row.updatedAt),
    updatedBy: row.updatedBy,
    helpful: row.helpful,
    notHelpful: row.notHelpful,
  };
}

/** The Article resource; `flagged` only for staff. */
function toArticle(row: ArticleRow, translations: ArticleRow[], staffView: boolean) {
  return {
    ...toSummary(row),
    body: row.body,
    html: renderMarkdown(row.body),
    translations: translations.map((t) => t.locale),
    ...(staffView && row.flaggedAt !== null
      ? { flagged: { at: isoAt(row.flaggedAt), reason: row.flagReason ?? '' } }
      : {}),
  };
}
const ArticleResource = Article.extend({
  flagged: z.object({ at: z.string(), reason: z.string() }).optional(),
});

const list = createRoute({
  method: 'get',
  path: '/articles',
  tags,
  summary: 'Articles the caller may read, by category and title (anonymous: the public help centre)',
  request: {
    query: z.object({
      locale: KbLocale.optional(),
      category: z.string().max(100).optional(),
      status: ArticleStatus.optional(),
      flagged: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
      cursor: z.string().max(1000).optional(),
    }),
  },
  responses: {
    200: json(pageOf(ArticleSummary.extend({ flagged: z.boolean().optional() })), 'a page'),
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/articles',
  tags,
  summary: 'Create an article in one language (owners and kb-editors)',
  security: bearer,
  middleware: [staff] as const,
  request: { body: jsonBody(ArticleCreate) },
  responses: { 201: json(ArticleResource, 'the article'), ...errorResponses },
});
const preview = createRoute({
  method: 'post',
  path: '/articles/preview',
  tags,
  summary: 'Render Markdown as readers will see it (owners and kb-editors)',
  security: bearer,
  middleware: [staff] as const,
  request: { body: jsonBody(ArticleBody.pick({ body: true })) },
  responses: { 200: json(z.object({ html: z.string() }), 'sanitised HTML'), ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/articles/{slug}',
  tags,
  summary: 'One article in the reader’s language, with its body rendered as sanitised HTML',
  request: { params: SlugParam, query: LocaleQuery },
  responses: { 200: json(ArticleResource, 'the article'), ...errorResponses },
});
const put = createRoute({
  method: 'put',
  path: '/articles/{slug}',
  tags,
  summary: 'Create or replace one language of an article (owners and kb-editors)',
  security: bearer,
  middleware: [staff] as const,
  request: { params: z.object({ slug: ArticleSlug }), body: jsonBody(ArticleBody.extend(Revision.shape)) },
  responses: { 200: json(ArticleResource, 'the article'), ...errorResponses },
});
const history = createRoute({
  method: 'get',
  path: '/articles/{slug}/history',
  tags,
  summary: 'Who changed what, when (staff)',
  security: bearer,
  middleware: [staff] as const,
  request: { params: SlugParam },
  responses: {
    200: json(z.object({ items: z.array(ArticleHistoryEntry), next: z.null() }), 'newest first'),
    ...errorResponses,
  },
});
const feedback = createRoute({
  method: 'post',
  path: '/articles/{slug}/feedback',
  tags,
  summary: '"This solved my problem" / "it didn’t" (one vote per person; draftId ties it to a request form)',
  security: bearer,
  middleware: [requireUser] as const,
  request: { params: SlugParam, body: jsonBody(ArticleFeedbackBody) },
  responses: {
    200: json(z.object({ helpful: z.number().int(), notHelpful: z.number().int() }), 'the counts'),
    ...errorResponses,
  },
});
const flag = createRoute({
  method: 'post',
  path: '/articles/{slug}/flag',
  tags,
  summary: 'Flag an article as outdated, e.g. from a case (staff)',
  security: bearer,
  middleware: [staff] as const,
  request: { params: SlugParam, body: jsonBody(ArticleFlagBody) },
  responses: { 200: json(ArticleResource, 'the article'), ...errorResponses },
});
const search = createRoute({
  method: 'get',
  path: '/search',
  tags,
  summary: 'Articles and catalog items in one ranked list, with highlighted snippets',
  request: {
    query: z.object({
      q: z.string().max(500),
      locale: KbLocale.optional(),
      kinds: z
        .string()
        .max(100)
        .transform((s) => s.split(',').filter(Boolean))
        .pipe(z.array(SearchKind).min(1))
        .optional(),
      limit: z.coerce.number().int().min(1).max(50).optional(),
    }),
  },
  responses: { 200: json(z.object({ items: z.array(SearchHit) }), 'best first'), ...errorResponses },
});
const metrics = createRoute({
  method: 'get',
  path: '/kb/metrics',
  tags,
  summary: 'Views, helpful rate, deflected requests and deflection rate (owner+)',
  security: bearer,
  middleware: [owner] as const,
  request: {
    query: z.object({
      from: Instant.optional(),
      to: Instant.optional(),
      by: z.enum(['article', 'category', 'catalogItem']).optional(),
    }),
  },
  responses: { 200: json(KbMetrics, 'totals and groups'), ...errorResponses },
});
const viewed = createRoute({
  method: 'get',
  path: '/customers/{id}/viewed-articles',
  tags,
  summary: 'Articles a customer read before an instant (e.g. before opening a case; staff)',
  security: bearer,
  middleware: [staff] as const,
  request: {
    params: z.object({ id: z.string().min(1).max(200) }),
    query: z.object({
      before: Instant.optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({
        items: z.array(z.object({ slug: z.string(), locale: KbLocale, title: z.string(), at: z.string() })),
      }),
      'newest first',
    ),
    ...errorResponses,
  },
});

/** The knowledge base over HTTP (DESIGN §11): thin routes over kb/ commands and queries. */
export function kbRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  const { store, clock } = runtime;

  r.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const user = c.get('user');
    const editor = mayEditArticles(user);
    const page = await store.kb.list({
      audiences: audiencesFor(user),
      // Readers see published articles only; editors may ask for drafts.
      status: editor ? q.status : 'published',
      ...(q.locale ? { locale: q.locale } : {}),
      ...(q.category ? { category: q.category } : {}),
      ...(q.flagged === 'true' && isStaff(user) ? { flagged: true } : {}),
      ...(q.limit ? { limit: q.limit } : {}),
      cursor: q.cursor ?? null,
    });
    return c.json(
      {
        items: page.items.map((a) => ({
          ...toSummary(a),
          ...(isStaff(user) ? { flagged: a.flaggedAt !== null } : {}),
        })),
        next: page.next,
      },
      200,
    );
  });
  r.openapi(create, async (c) => {
    const { slug, ...body } = c.req.valid('json');
    const row = await saveArticle(store, clock, { slug, body, actor: actorOf(c.get('user')!), create: true });
    return c.json(toArticle(row, await store.kb.translations(slug), true), 201);
  });
  r.openapi(preview, async (c) => {
    if (!mayEditArticles(c.get('user')))
      throw forbidden('only owners and knowledge-base editors write articles');
    return c.json({ html: renderMarkdown(c.req.valid('json').body) }, 200);
  });
  r.openapi(get, async (c) => {
    const user = c.get('user');
    const { slug } = c.req.valid('param');
    const { article, translations } = await readableArticle(
      store,
      user,
      slug,
      localesOf(c, c.req.valid('query').locale),
    );
    await recordView(store, clock, user, article);
    return c.json(toArticle(article, translations, isStaff(user)), 200);
  });
  r.openapi(put, async (c) => {
    const { slug } = c.req.valid('param');
    const { revision, ...body } = c.req.valid('json');
    const row = await saveArticle(store, clock, {
      slug,
      body,
      actor: actorOf(c.get('user')!),
      ...(revision === undefined ? {} : { revision }),
    });
    return c.json(toArticle(row, await store.kb.translations(slug), true), 200);
  });
  r.openapi(history, async (c) => {
    const { slug } = c.req.valid('param');
    // Staff read every audience; an unknown slug is a 404 like elsewhere.
    const rows = await store.kb.history(slug);
    if (rows.length === 0) throw notFound('article', slug);
    return c.json(
      {
        items: rows.map((h) => ({ ...h, at: isoAt(h.at) })),
        next: null,
      },
      200,
    );
  });
  r.openapi(feedback, async (c) => {
    const { slug } = c.req.valid('param');
    const row = await voteArticle(store, clock, {
      slug,
      actor: actorOf(c.get('user')!),
      body: c.req.valid('json'),
      locales: localesOf(c),
    });
    return c.json({ helpful: row.helpful, notHelpful: row.notHelpful }, 200);
  });
  r.openapi(flag, async (c) => {
    const { slug } = c.req.valid('param');
    const row = await flagArticle(store, clock, {
      slug,
      actor: actorOf(c.get('user')!),
      body: c.req.valid('json'),
      locales: localesOf(c),
    });
    return c.json(toArticle(row, await store.kb.translations(slug), true), 200);
  });
  r.openapi(search, async (c) => {
    const q = c.req.valid('query');
    const items = await searchKb(store, {
      q: q.q,
      locale: localesOf(c, q.locale)[0]!,
      kinds: q.kinds ?? ['article', 'catalog'],
      user: c.get('user'),
      now: clock.now(),
      limit: q.limit ?? 10,
    });
    return c.json({ items }, 200);
  });
  r.openapi(metrics, async (c) => {
    const q = c.req.valid('query');
    const to = q.to ? Date.parse(q.to) : clock.now() + 1;
    const from = q.from ? Date.parse(q.from) : 0;
    return c.json(await kbMetrics(store, from, to, q.by ?? 'article'), 200);
  });
  r.openapi(viewed, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const before = q.before ? Date.parse(q.before) : clock.now() + 1;
    const views = await store.kb.viewsOf(id, before, q.limit ?? 20);
    const items = [];
    for (const v of views) {
      const a = await store.kb.get(v.slug, v.locale);
      if (a) items.push({ slug: v.slug, locale: v.locale, title: a.title, at: isoAt(v.at) });
    }
    return c.json({ items }, 200);
  });
  return r;
}
