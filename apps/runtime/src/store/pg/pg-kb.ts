import { and, asc, count, desc, eq, isNotNull, lt, max, sql } from 'drizzle-orm';
import { boostOf, offsetCursor, offsetOf, tsQuery } from '../kb-match';
import {
  afterLetter,
  articleKey,
  articleListWhere,
  atWithin,
  docKey,
  historyColumns,
  viewColumns,
  voteCounts,
} from '../kb-queries';
import type { KbSearchRow, KbStore } from '../kb-store';
import { pageLimit } from '../paging';
import type { Store } from '../store';
import { first, type PgDbOf } from './pg-db';
import { type PgClientOf, runNamed } from './pg-raw';
import { kbArticleHistory, kbArticles, kbDocs, kbFeedback, kbViews, kbWords } from './schema-kb';

// The document: analysed terms (already stemmed and folded by the runtime) weighted title A,
// tags B, body C; `simple` only splits and lower-cases them.
const DOCUMENT = `setweight(to_tsvector('simple', $8), 'A') || setweight(to_tsvector('simple', $9), 'B')
  || setweight(to_tsvector('simple', $10), 'C')`;

const UPSERT_DOC = `insert into kb_docs (kind, key, locale, audience, title, category, text, boost, document)
  values ($1, $2, $3, $4, $5, $6, $7, $11, ${DOCUMENT})
  on conflict (kind, key, locale) do update set audience = excluded.audience, title = excluded.title,
    category = excluded.category, text = excluded.text, boost = excluded.boost, document = excluded.document`;

// Audience, locale, kind and the caller's catalog items are conditions of the query itself.
// The texts are read for the top rows only.
const SEARCH = `with top as (
    select id, ts_rank(document, q) * boost as score
    from kb_docs, to_tsquery('simple', $1) q
    where document @@ q and locale = $2 and audience = any($3::text[]) and kind = any($4::text[])
      and (kind = 'article' or $5::text[] is null or key = any($5::text[]))
    order by score desc limit $6)
  select d.kind, d.key, d.locale, d.title, d.category, d.text, top.score
  from top join kb_docs d on d.id = top.id order by top.score desc`;

/** The knowledge base on PostgreSQL: drizzle for the tables, a tsvector column under GIN. */
export function pgKb(db: PgDbOf, client: PgClientOf): Pick<Store, 'kb'> {
  const kb: KbStore = {
    async get(slug, locale) {
      return first(
        await db()
          .select()
          .from(kbArticles)
          .where(articleKey(kbArticles, slug, locale)),
      );
    },
    async translations(slug) {
      return db().select().from(kbArticles).where(eq(kbArticles.slug, slug)).orderBy(asc(kbArticles.locale));
    },
    async list(query) {
      const limit = pageLimit(query);
      const offset = offsetOf(query.cursor);
      if (query.audiences.length === 0) return { items: [], next: null };
      const rows = await db()
        .select()
        .from(kbArticles)
        .where(articleListWhere(kbArticles, query))
        .orderBy(
          sql`${kbArticles.category} collate "C"`,
          sql`${kbArticles.title} collate "C"`,
          asc(kbArticles.slug),
          asc(kbArticles.locale),
        )
        .limit(limit + 1)
        .offset(offset);
      return {
        items: rows.slice(0, limit),
        next: rows.length > limit ? offsetCursor(offset + limit) : null,
      };
    },
    async save(row, entry, expectedRevision) {
      // Lock the row (when there is one) so that two saves with the same expected revision
      // cannot both pass.
      const current = first(
        await db()
          .select({ revision: kbArticles.revision })
          .from(kbArticles)
          .where(articleKey(kbArticles, row.slug, row.locale))
          .for('update'),
      );
      if (expectedRevision != null && (current?.revision ?? 0) !== expectedRevision) return null;
      await db()
        .insert(kbArticles)
        .values(row)
        .onConflictDoUpdate({ target: [kbArticles.slug, kbArticles.locale], set: row });
      await appendHistory(entry);
      return row;
    },
    async flag(slug, locale, reason, entry) {
      const row = first(
        await db()
          .update(kbArticles)
          .set({ flaggedAt: entry.at, flagReason: reason })
          .where(articleKey(kbArticles, slug, locale))
          .returning(),
      );
      if (!row) return null;
      await appendHistory(entry);
      return row;
    },
    async history(slug) {
      return db()
        .select(historyColumns(kbArticleHistory))
        .from(kbArticleHistory)
        .where(eq(kbArticleHistory.slug, slug))
        .orderBy(desc(kbArticleHistory.at), desc(kbArticleHistory.seq));
    },

    async index(doc) {
      await runNamed(client(), UPSERT_DOC, [
        doc.kind,
        doc.key,
        doc.locale,
        doc.audience,
        doc.title,
        doc.category,
        doc.text,
        doc.titleTerms,
        doc.tagTerms,
        doc.bodyTerms,
        doc.boost,
      ]);
    },
    async unindex(kind, key, locale) {
      await db()
        .delete(kbDocs)
        .where(docKey(kbDocs, kind, key, locale));
    },
    async setBoost(kind, key, locale, boost) {
      await db()
        .update(kbDocs)
        .set({ boost })
        .where(docKey(kbDocs, kind, key, locale));
    },
    async search(spec) {
      const q = tsQuery(spec);
      if (q === null || spec.audiences.length === 0 || spec.kinds.length === 0) return [];
      const result = await runNamed<KbSearchRow>(client(), SEARCH, [
        q,
        spec.locale,
        spec.audiences,
        spec.kinds,
        spec.catalogKeys,
        spec.limit,
      ]);
      return result.rows.map((r) => ({ ...r, score: Number(r.score) }));
    },
    async indexedKeys(kind) {
      return db()
        .select({ key: kbDocs.key, locale: kbDocs.locale })
        .from(kbDocs)
        .where(eq(kbDocs.kind, kind));
    },

    async addWords(words) {
      if (words.length === 0) return;
      await db()
        .insert(kbWords)
        .values(words.map((word) => ({ word })))
        .onConflictDoNothing();
    },
    async wordsNear(first, min, max) {
      const rows = await runNamed<{ word: string }>(
        client(),
        'select word from kb_words where word collate "C" >= $1 and word collate "C" < $2 and length(word) between $3 and $4',
        [first, afterLetter(first), min, max],
      );
      return rows.rows.map((r) => r.word);
    },

    async vote(row) {
      await db()
        .insert(kbFeedback)
        .values(row)
        .onConflictDoUpdate({ target: [kbFeedback.slug, kbFeedback.locale, kbFeedback.username], set: row });
      const counts = first(
        await db()
          .select(voteCounts(kbFeedback))
          .from(kbFeedback)
          .where(articleKey(kbFeedback, row.slug, row.locale)),
      )!;
      const updated = first(
        await db()
          .update(kbArticles)
          .set({ helpful: counts.helpful, notHelpful: counts.notHelpful })
          .where(articleKey(kbArticles, row.slug, row.locale))
          .returning(),
      );
      await kb.setBoost('article', row.slug, row.locale, boostOf(counts.helpful, counts.notHelpful));
      return updated;
    },
    async feedback(from, to) {
      return db()
        .select()
        .from(kbFeedback)
        .where(atWithin(kbFeedback.at, from, to))
        .orderBy(asc(kbFeedback.at));
    },
    async recordView(row) {
      await db().insert(kbViews).values(row);
    },
    async viewCounts(from, to) {
      return db()
        .select({ slug: kbViews.slug, locale: kbViews.locale, views: count() })
        .from(kbViews)
        .where(atWithin(kbViews.at, from, to))
        .groupBy(kbViews.slug, kbViews.locale);
    },
    async customerViewCounts(from, to) {
      const rows = await db()
        .select({ customerId: kbViews.customerId, views: count() })
        .from(kbViews)
        .where(and(atWithin(kbViews.at, from, to), isNotNull(kbViews.customerId)))
        .groupBy(kbViews.customerId);
      return rows.map((r) => ({ customerId: r.customerId!, views: Number(r.views) }));
    },
    async viewsOf(customerId, before, limit) {
      return db()
        .select(viewColumns(kbViews))
        .from(kbViews)
        .where(and(eq(kbViews.customerId, customerId), lt(kbViews.at, before)))
        .orderBy(desc(kbViews.at), desc(kbViews.id))
        .limit(limit);
    },
  };

  async function appendHistory(entry: Parameters<KbStore['save']>[1]): Promise<void> {
    // The article row is locked by the caller's save/flag, so seq cannot be taken twice.
    const last = first(
      await db()
        .select({ seq: max(kbArticleHistory.seq) })
        .from(kbArticleHistory)
        .where(articleKey(kbArticleHistory, entry.slug, entry.locale)),
    );
    await db()
      .insert(kbArticleHistory)
      .values({ ...entry, seq: (last?.seq ?? 0) + 1 });
  }

  return { kb };
}
