import { beforeEach, describe, expect, it } from 'vitest';
import { indexArticle } from '../../kb/article-index';
import { searchKb } from '../../kb/kb-search';
import { CORPUS, QUERIES } from '../../kb/test-support/corpus';
import {
  AGENT,
  articleRow,
  CUSTOMER,
  catalogItem,
  KB_T0,
  loadCorpus,
} from '../../kb/test-support/kb-fixtures';
import type { Store, UserRow } from '../store';

/** Contract of the knowledge base (store.kb) and its search over it, on either side. */
export function kbContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  const find = (q: string, locale: 'en' | 'pt-BR', user: UserRow | null, kinds = ['article' as const]) =>
    searchKb(store, { q, locale, kinds, user, now: KB_T0, limit: 10 });

  describe('knowledge base', () => {
    it('finds the expected article in the top 3 for realistic phrasings in both languages', async () => {
      await loadCorpus(store);
      const misses: string[] = [];
      for (const { locale, q, expect: slug } of QUERIES) {
        const top = (await find(q, locale, CUSTOMER)).slice(0, 3).map((h) => h.key);
        if (!top.includes(slug))
          misses.push(`${locale} "${q}": wanted ${slug}, got ${top.join(', ') || 'nothing'}`);
      }
      expect(misses).toEqual([]);
    });

    it('marks the matched words in an escaped snippet', async () => {
      await loadCorpus(store);
      const [hit] = await find('cartao roubado', 'pt-BR', null);
      expect(hit?.key).toBe('cartao-perdido');
      expect(hit?.snippet).toMatch(/<mark>roubado<\/mark>/);
      expect(hit?.snippet).toMatch(/<mark>cartão<\/mark>/);
      expect(hit?.snippet).not.toMatch(/\*\*/);
    });

    it('never shows an agents-only article to anonymous readers or customers, but does to staff', async () => {
      await loadCorpus(store);
      const q = 'fraud playbook verify identity stolen card';
      for (const reader of [null, CUSTOMER]) {
        expect((await find(q, 'en', reader)).map((h) => h.key)).not.toContain('fraud-playbook');
      }
      expect((await find(q, 'en', AGENT)).map((h) => h.key)[0]).toBe('fraud-playbook');
      const customersOnly = articleRow(CORPUS[0]!, { slug: 'members-card', audience: 'customers' });
      await store.transaction((tx) => indexArticle(tx, customersOnly));
      expect((await find('lost stolen card', 'en', null)).map((h) => h.key)).not.toContain('members-card');
      expect((await find('lost stolen card', 'en', CUSTOMER)).map((h) => h.key)).toContain('members-card');
    });

    it('keeps drafts out of the index and searches only the asked language', async () => {
      await loadCorpus(store);
      const draft = articleRow(CORPUS[0]!, { status: 'draft' });
      await store.transaction((tx) => indexArticle(tx, draft));
      expect((await find('stolen card', 'en', AGENT)).map((h) => h.key)).not.toContain('lost-card');
      const pt = await find('cartao roubado', 'pt-BR', AGENT);
      expect(pt.every((h) => h.locale === 'pt-BR')).toBe(true);
      expect(await find('cartao roubado', 'en', AGENT)).toEqual([]);
    });

    it('lists catalog items and articles together, only items the caller may request', async () => {
      await loadCorpus(store);
      await store.customers.create({ id: 'c-1001', name: 'Carla', createdAt: KB_T0 });
      await store.catalog.upsert(catalogItem('replace-card'));
      await store.catalog.upsert(
        catalogItem('vip-card', { name: 'Stolen card for VIPs', audience: { customerIds: ['c-9999'] } }),
      );
      const hits = await find('stolen card', 'en', CUSTOMER, ['article', 'catalog'] as never);
      const keys = hits.map((h) => `${h.kind}:${h.key}`);
      expect(keys).toContain('catalog:replace-card');
      expect(keys).toContain('article:lost-card');
      expect(keys).not.toContain('catalog:vip-card');
      // Anonymous readers get articles only.
      const anon = await find('stolen card', 'en', null, ['article', 'catalog'] as never);
      expect(anon.some((h) => h.kind === 'catalog')).toBe(false);
      // An item's change reaches the index on the next search.
      await store.catalog.upsert(
        catalogItem('replace-card', {
          name: 'Order a new card',
          description: 'New card',
          updatedAt: KB_T0 + 1,
        }),
      );
      const after = await find('stolen', 'en', CUSTOMER, ['catalog'] as never);
      expect(after.map((h) => h.key)).not.toContain('replace-card');
    });

    it('ranks a helpful article above an equally relevant one and counts votes once per person', async () => {
      const a = articleRow(CORPUS[0]!, { slug: 'twin-a' });
      const b = articleRow(CORPUS[0]!, { slug: 'twin-b' });
      await store.transaction(async (tx) => {
        for (const row of [a, b]) {
          await tx.kb.save(
            row,
            {
              slug: row.slug,
              locale: 'en',
              revision: 1,
              at: KB_T0,
              by: 'o',
              action: 'created',
              changes: [],
              note: null,
            },
            0,
          );
          await indexArticle(tx, row);
        }
      });
      const vote = (username: string, slug: string, helpful: boolean) =>
        store.kb.vote({
          slug,
          locale: 'en',
          username,
          customerId: null,
          helpful,
          reason: null,
          draftId: null,
          catalogItem: null,
          at: KB_T0,
        });
      await vote('u1', 'twin-b', true);
      await vote('u2', 'twin-b', false);
      const counted = await vote('u2', 'twin-b', true);
      expect(counted).toMatchObject({ helpful: 2, notHelpful: 0 });
      await vote('u1', 'twin-a', false);
      expect((await find('stolen card', 'en', null)).map((h) => h.key).slice(0, 2)).toEqual([
        'twin-b',
        'twin-a',
      ]);
      expect((await store.kb.feedback(KB_T0, KB_T0 + 1)).length).toBe(3);
    });

    it('keeps history per locale, flags, lists and pages by category and title', async () => {
      await loadCorpus(store);
      const row = (await store.kb.get('lost-card', 'en'))!;
      const saved = await store.kb.save(
        { ...row, title: 'Lost, stolen or damaged card', revision: 2, updatedAt: KB_T0 + 5 },
        {
          slug: 'lost-card',
          locale: 'en',
          revision: 2,
          at: KB_T0 + 5,
          by: 'nora',
          action: 'updated',
          changes: ['title'],
          note: null,
        },
        1,
      );
      expect(saved?.revision).toBe(2);
      expect(
        await store.kb.save(
          row,
          {
            slug: 'lost-card',
            locale: 'en',
            revision: 2,
            at: KB_T0 + 6,
            by: 'x',
            action: 'updated',
            changes: [],
            note: null,
          },
          1,
        ),
      ).toBeNull();
      const flagged = await store.kb.flag('lost-card', 'en', 'fee changed', {
        slug: 'lost-card',
        locale: 'en',
        revision: 2,
        at: KB_T0 + 9,
        by: 'lena',
        action: 'flagged',
        changes: [],
        note: 'fee changed',
      });
      expect(flagged).toMatchObject({ flaggedAt: KB_T0 + 9, flagReason: 'fee changed' });
      const history = await store.kb.history('lost-card');
      expect(history.map((h) => [h.action, h.by, h.revision])).toEqual([
        ['flagged', 'lena', 2],
        ['updated', 'nora', 2],
        ['published', 'olivia', 1],
      ]);
      expect(history[1]?.changes).toEqual(['title']);
      const first = await store.kb.list({ audiences: ['public'], locale: 'en', limit: 5 });
      expect(first.items.map((a) => a.category)).toEqual([
        'Access',
        'Access',
        'Access',
        'Account',
        'Account',
      ]);
      const second = await store.kb.list({
        audiences: ['public'],
        locale: 'en',
        limit: 50,
        cursor: first.next,
      });
      expect(second.items.length).toBe(
        CORPUS.filter((a) => a.locale === 'en' && a.audience === 'public').length - 5,
      );
      expect(second.items.some((a) => a.audience !== 'public')).toBe(false);
      expect(
        (await store.kb.list({ audiences: ['public', 'agents'], flagged: true })).items.map((a) => a.slug),
      ).toEqual(['lost-card']);
      expect((await store.kb.translations('lost-card')).map((a) => a.locale)).toEqual(['en']);
    });

    it('records views and answers a customer’s reads before an instant, newest first', async () => {
      await loadCorpus(store);
      await store.kb.recordView({
        slug: 'lost-card',
        locale: 'en',
        username: 'carla',
        customerId: 'c-1001',
        at: KB_T0 + 1,
      });
      await store.kb.recordView({
        slug: 'block-card',
        locale: 'en',
        username: 'carla',
        customerId: 'c-1001',
        at: KB_T0 + 2,
      });
      await store.kb.recordView({
        slug: 'lost-card',
        locale: 'en',
        username: null,
        customerId: null,
        at: KB_T0 + 3,
      });
      expect((await store.kb.viewsOf('c-1001', KB_T0 + 10, 10)).map((v) => v.slug)).toEqual([
        'block-card',
        'lost-card',
      ]);
      expect((await store.kb.viewsOf('c-1001', KB_T0 + 2, 10)).map((v) => v.slug)).toEqual(['lost-card']);
      const counts = await store.kb.viewCounts(KB_T0, KB_T0 + 10);
      expect(counts.find((c) => c.slug === 'lost-card')?.views).toBe(2);
      expect(await store.kb.customerViewCounts(KB_T0, KB_T0 + 10)).toEqual([
        { customerId: 'c-1001', views: 2 },
      ]);
      expect(await store.kb.customerViewCounts(KB_T0 + 2, KB_T0 + 10)).toEqual([
        { customerId: 'c-1001', views: 1 },
      ]);
    });

    it('removes a document from the index', async () => {
      await loadCorpus(store);
      await store.kb.unindex('article', 'lost-card', 'en');
      await store.kb.unindex('article', 'never-was', 'en');
      expect((await find('stolen card', 'en', AGENT)).map((h) => h.key)).not.toContain('lost-card');
      expect((await store.kb.indexedKeys('article')).length).toBe(CORPUS.length - 1);
    });
  });
}
