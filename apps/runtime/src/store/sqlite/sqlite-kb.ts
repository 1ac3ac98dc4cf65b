import type { ArticleAudience } from '@caseflow/schema';
import { and, asc, count, desc, eq, isNotNull, lt, max } from 'drizzle-orm';
import { boostOf, fts5Match, offsetCursor, offsetOf } from '../kb-match';
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
import type { KbStore } from '../kb-store';
import { pageLimit } from '../paging';
import type { Store } from '../store';
import {
  AUDIENCE_SHIFT,
  audienceMask,
  CANDIDATES_PER_HIT,
  ftsRowid,
  ID_MASK,
  KIND_SHIFT,
  kindMask,
  rowidRange,
} from './fts-rowid';
import { kbArticleHistory, kbArticles, kbDocs, kbFeedback, kbViews } from './schema-kb';
import type { SqliteDb } from './sqlite-db';

/** The knowledge base on SQLite: drizzle for the tables, cached statements for FTS5. */
export function sqliteKb(db: SqliteDb): Pick<Store, 'kb'> {
  const client = db.$client;
  const upsertDoc = client.prepare(
    `insert into kb_docs (kind, key, locale, audience, title, category, text, boost)
     values (@kind, @key, @locale, @audience, @title, @category, @text, @boost)
     on conflict (kind, key, locale) do update set audience = excluded.audience, title = excluded.title,
       category = excluded.category, text = excluded.text, boost = excluded.boost
     returning id`,
  );
  const docRow = client.prepare('select id, audience from kb_docs where kind = ? and key = ? and locale = ?');
  const ftsDelete = client.prepare('delete from kb_fts where rowid = ?');
  const ftsInsert = client.prepare('insert into kb_fts (rowid, title, tags, body) values (?, ?, ?, ?)');
  const docDelete = client.prepare('delete from kb_docs where id = ?');
  // Locale, audience and kind are bits of the FTS rowid (fts-rowid.ts): the filters are a rowid
  // range and bit tests inside the MATCH, with no row read. The best candidates by bm25 are then
  // ranked by bm25 × helpfulness, with the caller's catalog items as a condition of the same
  // statement; texts are read for the top rows only.
  const search = client.prepare(
    `with cand as (
       select rowid as r, bm25(kb_fts, 10, 4, 1) as rank from kb_fts
       where kb_fts match @match and rowid between @lo and @hi
         and (@audiences >> ((rowid >> ${AUDIENCE_SHIFT}) & 3)) & 1 = 1
         and (@kinds >> ((rowid >> ${KIND_SHIFT}) & 1)) & 1 = 1
       order by rank limit @candidates),
     top as (
       select d.id, -c.rank * d.boost as score from cand c join kb_docs d on d.id = (c.r & ${ID_MASK})
       where d.kind = 'article' or @all = 1 or d.key in (select value from json_each(@catalog))
       order by score desc limit @limit)
     select d.kind, d.key, d.locale, d.title, d.category, d.text, top.score
     from top join kb_docs d on d.id = top.id order by top.score desc`,
  );
  const addWord = client.prepare('insert into kb_words (word) values (?) on conflict do nothing');
  const near = client
    .prepare('select word from kb_words where word >= ? and word < ? and length(word) between ? and ?')
    .pluck();

  const kb: KbStore = {
    async get(slug, locale) {
      return (
        db
          .select()
          .from(kbArticles)
          .where(articleKey(kbArticles, slug, locale))
          .get() ?? null
      );
    },
    async translations(slug) {
      return db
        .select()
        .from(kbArticles)
        .where(eq(kbArticles.slug, slug))
        .orderBy(asc(kbArticles.locale))
        .all();
    },
    async list(query) {
      const limit = pageLimit(query);
      const offset = offsetOf(query.cursor);
      if (query.audiences.length === 0) return { items: [], next: null };
      const rows = db
        .select()
        .from(kbArticles)
        .where(articleListWhere(kbArticles, query))
        .orderBy(
          asc(kbArticles.category),
          asc(kbArticles.title),
          asc(kbArticles.slug),
          asc(kbArticles.locale),
        )
        .limit(limit + 1)
        .offset(offset)
        .all();
      return {
        items: rows.slice(0, limit),
        next: rows.length > limit ? offsetCursor(offset + limit) : null,
      };
    },
    async save(row, entry, expectedRevision) {
      const current = await kb.get(row.slug, row.locale);
      if (expectedRevision != null && (current?.revision ?? 0) !== expectedRevision) return null;
      db.insert(kbArticles)
        .values(row)
        .onConflictDoUpdate({ target: [kbArticles.slug, kbArticles.locale], set: row })
        .run();
      appendHistory(entry);
      return row;
    },
    async flag(slug, locale, reason, entry) {
      const row = db
        .update(kbArticles)
        .set({ flaggedAt: entry.at, flagReason: reason })
        .where(articleKey(kbArticles, slug, locale))
        .returning()
        .get();
      if (!row) return null;
      appendHistory(entry);
      return row;
    },
    async history(slug) {
      return db
        .select(historyColumns(kbArticleHistory))
        .from(kbArticleHistory)
        .where(eq(kbArticleHistory.slug, slug))
        .orderBy(desc(kbArticleHistory.at), desc(kbArticleHistory.seq))
        .all();
    },

    async index(doc) {
      const old = docRow.get(doc.kind, doc.key, doc.locale) as
        | { id: number; audience: ArticleAudience }
        | undefined;
      if (old) ftsDelete.run(ftsRowid(old.id, doc.kind, doc.locale, old.audience));
      const { id } = upsertDoc.get({
        kind: doc.kind,
        key: doc.key,
        locale: doc.locale,
        audience: doc.audience,
        title: doc.title,
        category: doc.category,
        text: doc.text,
        boost: doc.boost,
      }) as { id: number };
      ftsInsert.run(
        ftsRowid(id, doc.kind, doc.locale, doc.audience),
        doc.titleTerms,
        doc.tagTerms,
        doc.bodyTerms,
      );
    },
    async unindex(kind, key, locale) {
      const old = docRow.get(kind, key, locale) as { id: number; audience: ArticleAudience } | undefined;
      if (!old) return;
      ftsDelete.run(ftsRowid(old.id, kind, locale, old.audience));
      docDelete.run(old.id);
    },
    async setBoost(kind, key, locale, boost) {
      db.update(kbDocs)
        .set({ boost })
        .where(docKey(kbDocs, kind, key, locale))
        .run();
    },
    async search(spec) {
      const match = fts5Match(spec);
      if (match === null) return [];
      if (spec.audiences.length === 0 || spec.kinds.length === 0) return [];
      const [lo, hi] = rowidRange(spec.locale);
      return search.all({
        match,
        lo,
        hi,
        audiences: audienceMask(spec.audiences),
        kinds: kindMask(spec.kinds),
        candidates: spec.limit * CANDIDATES_PER_HIT,
        all: spec.catalogKeys === null ? 1 : 0,
        catalog: JSON.stringify(spec.catalogKeys ?? []),
        limit: spec.limit,
      }) as Awaited<ReturnType<KbStore['search']>>;
    },
    async indexedKeys(kind) {
      return db
        .select({ key: kbDocs.key, locale: kbDocs.locale })
        .from(kbDocs)
        .where(eq(kbDocs.kind, kind))
        .all();
    },

    async addWords(words) {
      for (const w of words) addWord.run(w);
    },
    async wordsNear(first, min, max) {
      return near.all(first, afterLetter(first), min, max) as string[];
    },

    async vote(row) {
      db.insert(kbFeedback)
        .values(row)
        .onConflictDoUpdate({ target: [kbFeedback.slug, kbFeedback.locale, kbFeedback.username], set: row })
        .run();
      const counts = db
        .select(voteCounts(kbFeedback))
        .from(kbFeedback)
        .where(articleKey(kbFeedback, row.slug, row.locale))
        .get()!;
      const updated = db
        .update(kbArticles)
        .set({ helpful: counts.helpful, notHelpful: counts.notHelpful })
        .where(articleKey(kbArticles, row.slug, row.locale))
        .returning()
        .get();
      await kb.setBoost('article', row.slug, row.locale, boostOf(counts.helpful, counts.notHelpful));
      return updated ?? null;
    },
    async feedback(from, to) {
      return db
        .select()
        .from(kbFeedback)
        .where(atWithin(kbFeedback.at, from, to))
        .orderBy(asc(kbFeedback.at))
        .all();
    },
    async recordView(row) {
      db.insert(kbViews).values(row).run();
    },
    async viewCounts(from, to) {
      return db
        .select({ slug: kbViews.slug, locale: kbViews.locale, views: count() })
        .from(kbViews)
        .where(atWithin(kbViews.at, from, to))
        .groupBy(kbViews.slug, kbViews.locale)
        .all();
    },
    async customerViewCounts(from, to) {
      const rows = await db
        .select({ customerId: kbViews.customerId, views: count() })
        .from(kbViews)
        .where(and(atWithin(kbViews.at, from, to), isNotNull(kbViews.customerId)))
        .groupBy(kbViews.customerId)
        .all();
      return rows.map((r) => ({ customerId: r.customerId!, views: Number(r.views) }));
    },
    async viewsOf(customerId, before, limit) {
      return db
        .select(viewColumns(kbViews))
        .from(kbViews)
        .where(and(eq(kbViews.customerId, customerId), lt(kbViews.at, before)))
        .orderBy(desc(kbViews.at), desc(kbViews.id))
        .limit(limit)
        .all();
    },
  };

  function appendHistory(entry: Parameters<KbStore['save']>[1]): void {
    const seq =
      (db
        .select({ seq: max(kbArticleHistory.seq) })
        .from(kbArticleHistory)
        .where(articleKey(kbArticleHistory, entry.slug, entry.locale))
        .get()?.seq ?? 0) + 1;
    db.insert(kbArticleHistory)
      .values({ ...entry, seq })
      .run();
  }

  return { kb };
}
