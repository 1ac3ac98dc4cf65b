import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { analyseQuery, indexTerms } from '../apps/runtime/src/kb/analyzer';
import { searchKb } from '../apps/runtime/src/kb/kb-search';
import { QUERIES } from '../apps/runtime/src/kb/test-support/corpus';
import { AGENT } from '../apps/runtime/src/kb/test-support/kb-fixtures';
import type { KbDocument } from '../apps/runtime/src/store/kb-store';
import { openPgStore } from '../apps/runtime/src/store/pg/pg-store';
import { openSqliteStore } from '../apps/runtime/src/store/sqlite/sqlite-store';
import type { Store } from '../apps/runtime/src/store/store';
import { createTestDatabase, postgresReachable } from '../tests/support/test-database';
import { type BenchTarget, median, printTable } from './run';
import { tempDir } from './runtime/in-process';

/**
 * GET /search over 10,000 and 100,000 articles (issue 16): the whole search of the runtime
 * (query analysis, typo look-up, the store's ranked query with audience, locale and kind in it,
 * snippets) against the raw full-text query it issues — FTS5 MATCH ordered by bm25 on SQLite,
 * `@@` ordered by ts_rank on PostgreSQL — with the same terms, over the realistic queries of the
 * search-quality test. Target ≤ 2× at both sizes. BENCH_SCALE scales the article counts.
 */

const SCALE = Number(process.env.BENCH_SCALE ?? '1') || 1;
const SIZES = [10_000, 100_000].map((n) => Math.max(1000, Math.round(n * SCALE)));
const ROUNDS = 7;

// A deterministic generator, so every run indexes the same articles.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

// Words a help centre uses, in both languages, drawn more often than the long tail of filler
// words, so that queries match a few per cent of the articles as in a real knowledge base.
const DOMAIN = {
  en: 'card cards stolen lost block freeze password reset sign forgot charge dispute refund travel abroad delivery arrive address change close account limit withdrawal atm contactless payment verification code fee app transfer statement'.split(
    ' ',
  ),
  'pt-BR':
    'cartão cartões roubado perdido bloquear congelar senha redefinir esqueci compra contestar estorno viagem exterior entrega chegar endereço mudar encerrar conta limite saque pix aproximação pagamento código verificação tarifa aplicativo transferência extrato'.split(
      ' ',
    ),
} as const;
const FILLER = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`);

function article(i: number, random: () => number): KbDocument {
  const locale = i % 2 === 0 ? 'en' : 'pt-BR';
  const pick = (n: number) =>
    Array.from({ length: n }, () =>
      random() < 0.15
        ? DOMAIN[locale][Math.floor(random() * DOMAIN[locale].length)]!
        : FILLER[Math.floor(random() ** 2 * FILLER.length)]!,
    ).join(' ');
  const title = pick(6);
  const text = pick(120);
  return {
    kind: 'article',
    key: `a-${i}`,
    locale,
    audience: i % 10 === 0 ? 'agents' : 'public',
    title,
    category: `cat-${i % 20}`,
    text,
    titleTerms: indexTerms(locale, title),
    tagTerms: '',
    bodyTerms: indexTerms(locale, text),
    boost: 1,
  };
}

async function fill(store: Store, from: number, to: number): Promise<void> {
  const random = rng(from + 1);
  for (let start = from; start < to; start += 2000) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(to, start + 2000); i++) await tx.kb.index(article(i, random));
    });
  }
}

type RawSearch = (terms: string[], prefix: string | null) => Promise<unknown>;

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function measure(name: string, store: Store, raw: RawSearch, size: number): Promise<BenchTarget> {
  // Staff searches see every audience: the store's filters are in the query, not a shortcut.
  const queries = QUERIES.map((q) => ({ ...q, analysed: analyseQuery(q.locale, q.q) }));
  const ours = async () => {
    for (const q of queries) {
      await searchKb(store, { q: q.q, locale: q.locale, kinds: ['article'], user: AGENT, now: 0, limit: 10 });
    }
  };
  const baseline = async () => {
    for (const q of queries) {
      const terms = q.analysed.terms.flatMap((t) => t.terms);
      const prefix = q.analysed.terms.find((t) => t.prefix)?.prefix ?? null;
      await raw(terms, prefix);
    }
  };
  await ours();
  await baseline();
  const samples = { ours: [] as number[], raw: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      samples.ours.push(await timeAsync(ours));
      samples.raw.push(await timeAsync(baseline));
    } else {
      samples.raw.push(await timeAsync(baseline));
      samples.ours.push(await timeAsync(ours));
    }
  }
  const o = median(samples.ours) / queries.length;
  const r = median(samples.raw) / queries.length;
  printTable([
    [`${name}: ${size.toLocaleString('en-US')} articles, ${queries.length} queries`, 'ms per query'],
    ['GET /search: searchKb (analysis, typos, ranked query, snippets)', o.toFixed(2)],
    ['raw full-text query, same terms', r.toFixed(2)],
    ['ratio', (o / r).toFixed(2)],
  ]);
  return {
    name: `search over ${size} articles vs raw full-text query (${name})`,
    value: o / r,
    bound: '≤ 2',
    pass: o / r <= 2,
  };
}

async function sqliteSide(): Promise<BenchTarget[]> {
  const tmp = tempDir('caseflow-bench-search-');
  const file = join(tmp.dir, 'bench.db');
  const store = await openSqliteStore({ file });
  const db = new Database(file, { readonly: true });
  const stmt = db.prepare(
    'select rowid from kb_fts where kb_fts match ? order by bm25(kb_fts, 10, 4, 1) limit 10',
  );
  const raw: RawSearch = async (terms, prefix) => {
    const parts = terms.map((t) => `"${t}"`);
    if (prefix) parts.push(`"${prefix}"*`);
    return stmt.all(`{title tags body} : (${parts.join(' OR ')})`);
  };
  const targets: BenchTarget[] = [];
  try {
    let filled = 0;
    for (const size of SIZES) {
      await fill(store, filled, size);
      filled = size;
      targets.push(await measure('SQLite', store, raw, size));
    }
  } finally {
    db.close();
    await store.close();
    tmp.cleanup();
  }
  return targets;
}

async function postgresSide(): Promise<BenchTarget[]> {
  const test = await createTestDatabase('postgres');
  const url = test.env.DATABASE_URL!;
  const store = await openPgStore({ url });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const raw: RawSearch = async (terms, prefix) => {
    const parts = [...terms];
    if (prefix) parts.push(`${prefix}:*`);
    return pool.query(
      `select id from kb_docs, to_tsquery('simple', $1) q where document @@ q order by ts_rank(document, q) desc limit 10`,
      [parts.join(' | ')],
    );
  };
  const targets: BenchTarget[] = [];
  try {
    let filled = 0;
    for (const size of SIZES) {
      await fill(store, filled, size);
      filled = size;
      await pool.query('analyze kb_docs');
      targets.push(await measure('PostgreSQL', store, raw, size));
    }
  } finally {
    await pool.end();
    await store.close();
    await test.drop();
  }
  return targets;
}

/** Runs the SQLite side, and the PostgreSQL side when a server answers; answers their targets. */
export default async function searchBench(): Promise<BenchTarget[]> {
  const targets = await sqliteSide();
  if (postgresReachable()) targets.push(...(await postgresSide()));
  else console.log('PostgreSQL side skipped: no server');
  return targets;
}
