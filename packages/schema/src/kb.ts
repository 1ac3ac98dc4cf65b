import { z } from 'zod';
import { LIMITS } from './limits';
import { Locale } from './locale';
import { Key } from './primitives';

/** Who may read an article: anyone (the public help centre), signed-in customers, or staff only. */
export const ArticleAudience = z.enum(['public', 'customers', 'agents']);
export type ArticleAudience = z.infer<typeof ArticleAudience>;

/** The languages the knowledge base analyses (stemming, stop words) and serves: every locale. */
export const KbLocale = Locale;
export type KbLocale = Locale;

export const ArticleStatus = z.enum(['draft', 'published']);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

/** A slug names an article across its translations (one row per slug and locale). */
export const ArticleSlug = Key.max(120).refine((s) => s !== 'preview', 'slug "preview" is reserved');

/** Article bodies are Markdown; far above any help article, low enough to index quickly. */
export const ARTICLE_BODY_MAX = 100_000;

/** PUT /articles/:slug (and POST /articles with `slug`): the editable fields (DESIGN §11). */
export const ArticleBody = z.object({
  title: z.string().trim().min(1).max(300),
  body: z.string().max(ARTICLE_BODY_MAX),
  category: z.string().trim().min(1).max(100),
  tags: z.array(z.string().trim().min(1).max(LIMITS.tag)).max(50).default([]),
  audience: ArticleAudience.default('public'),
  locale: KbLocale.default('en'),
  status: ArticleStatus.default('draft'),
  catalogItems: z.array(Key).max(50).default([]),
});
export type ArticleBody = z.infer<typeof ArticleBody>;

export const ArticleCreate = ArticleBody.extend({ slug: ArticleSlug });
export type ArticleCreate = z.infer<typeof ArticleCreate>;

/** An article as the API answers it; `html` is the body rendered and sanitised on the server. */
export const Article = ArticleBody.extend({
  slug: z.string(),
  html: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** Locales this slug exists in (that the caller may read). */
  translations: z.array(KbLocale),
  helpful: z.number().int(),
  notHelpful: z.number().int(),
});
export type Article = z.infer<typeof Article>;

/** A list entry (no body). */
export const ArticleSummary = Article.omit({ body: true, html: true, translations: true });
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/** One entry of GET /articles/:slug/history: who changed what, when. */
export const ArticleHistoryEntry = z.object({
  slug: z.string(),
  locale: KbLocale,
  revision: z.number().int(),
  at: z.string(),
  by: z.string().nullable(),
  action: z.enum(['created', 'updated', 'published', 'unpublished', 'flagged']),
  /** Names of the fields that changed (title, body, status…). */
  changes: z.array(z.string()),
  note: z.string().nullable(),
});
export type ArticleHistoryEntry = z.infer<typeof ArticleHistoryEntry>;

/** POST /articles/:slug/feedback. `draftId` ties a vote to a request form being filled in. */
export const ArticleFeedbackBody = z.object({
  helpful: z.boolean(),
  reason: z.string().trim().max(1000).optional(),
  draftId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  /** The catalog item whose request form showed the article (deflection per item). */
  catalogItem: Key.optional(),
  locale: KbLocale.optional(),
});
export type ArticleFeedbackBody = z.infer<typeof ArticleFeedbackBody>;

/** POST /articles/:slug/flag: an agent marks an article outdated, optionally from a case. */
export const ArticleFlagBody = z.object({
  reason: z.string().trim().min(1).max(1000),
  caseId: z.string().max(LIMITS.ref).optional(),
  locale: KbLocale.optional(),
});
export type ArticleFlagBody = z.infer<typeof ArticleFlagBody>;

export const SearchKind = z.enum(['article', 'catalog']);
export type SearchKind = z.infer<typeof SearchKind>;

/** One ranked hit of GET /search; `snippet` is HTML-escaped text with `<mark>` around matches. */
export const SearchHit = z.object({
  kind: SearchKind,
  key: z.string(),
  title: z.string(),
  snippet: z.string(),
  score: z.number(),
  locale: KbLocale.nullable(),
  category: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** Knowledge-base figures (DESIGN §11) for one group (or the totals). */
export const KbFigures = z.object({
  articleViews: z.number().int(),
  helpful: z.number().int(),
  notHelpful: z.number().int(),
  /** helpful / (helpful + notHelpful), null without votes. */
  helpfulRate: z.number().nullable(),
  /** Request forms where "this solved my problem" came and no request followed. */
  deflected: z.number().int(),
  /** Forms with a "solved" vote (deflected or not). */
  solvedVotes: z.number().int(),
  /** deflected / (deflected + requests opened), null when neither happened. */
  deflectionRate: z.number().nullable(),
});
export type KbFigures = z.infer<typeof KbFigures>;

export const KbMetricsGroup = KbFigures.extend({ key: z.string() });
export const KbMetrics = z.object({
  totals: KbFigures,
  by: z.enum(['article', 'category', 'catalogItem']),
  groups: z.array(KbMetricsGroup),
});
export type KbMetrics = z.infer<typeof KbMetrics>;
