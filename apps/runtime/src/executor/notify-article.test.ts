import type { ArticleAudience, FlowDefinitionInput, Locale } from '@caseflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle } from '../kb/test-support/kb-fixtures';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

/**
 * start → seen? ── viewed the article ──▶ tell (notify customer + article) → end
 *               └─ otherwise ───────────▶ ask-agent (notify group:ops + agents' article) → end
 */
const articleFlow: FlowDefinitionInput = {
  key: 'kb-tell',
  name: 'Tell with an article',
  tiers: [],
  slas: [],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'seen', type: 'decision' },
    { id: 'tell', type: 'notify', to: 'customer', template: 'case-update', article: 'block-card' },
    { id: 'ask-agent', type: 'notify', to: 'group:ops', template: 'case-update', article: 'fraud-playbook' },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'seen' },
    { from: 'seen', to: 'tell', when: 'list contains(customer.viewedArticles, "block-card")' },
    { from: 'seen', to: 'ask-agent', default: true },
    { from: 'tell', to: 'end' },
    { from: 'ask-agent', to: 'end' },
  ],
};

describe('notify sends an article; decisions see customer.viewedArticles', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture({ env: { CASEFLOW_PUBLIC_URL: 'https://help.example.test/support/' } });
    await f.publish(articleFlow);
  });
  afterEach(async () => f.dispose());

  const article = (slug: string, locale: Locale, title: string, audience: ArticleAudience = 'public') =>
    saveArticle(f.store, {
      slug,
      locale,
      title,
      audience,
      body: `# ${title}\n\nOpen the **app**, choose *Cards* and tap Block. ${'More words here. '.repeat(60)}`,
    });
  const view = (slug: string, at: number) =>
    f.store.kb.recordView({ slug, locale: 'en', username: null, customerId: 'cu-1', at });
  const notifyOf = async (caseId: string, node: string) =>
    (await f.store.outbox.list({ caseId })).items.find((r) => r.payload.nodeId === node)?.payload;

  it("sends the article in the customer's language when they viewed it before the case", async () => {
    await article('block-card', 'en', 'Block a lost card');
    await article('block-card', 'pt-BR', 'Bloquear um cartão perdido');
    await f.store.customers.update('cu-1', { locale: 'pt-BR' }, T0);
    await view('block-card', T0 - 3_600_000);
    const c = await f.runtime.openCase({ flow: 'kb-tell', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    const payload = await notifyOf(c.id, 'tell');
    const [message] = payload!.messages as Array<{ locale: string; body: string }>;
    expect(message!.locale).toBe('pt-BR');
    expect(message!.body).toContain('Um artigo que pode ajudar: Bloquear um cartão perdido');
    // The whole address: the message is read outside the portal.
    expect(message!.body).toContain(
      'Leia na central de ajuda: https://help.example.test/support/help/block-card',
    );
    // Markdown is sent as text, cut to an excerpt.
    expect(message!.body).toContain('Open the app, choose Cards and tap Block.');
    expect(message!.body).not.toContain('**');
    expect(message!.body.length).toBeLessThan(1_200);
    const entry = (await f.runtime.timeline(c.id)).find((e) => e.type === 'notify.queued');
    expect(entry?.data).toMatchObject({
      article: { slug: 'block-card', sent: true, title: 'Bloquear um cartão perdido' },
    });
  });

  it('sees only views of the 30 days before the case opened', async () => {
    await article('block-card', 'en', 'Block a lost card');
    await view('block-card', T0 - 31 * 24 * 3_600_000);
    const c = await f.runtime.openCase({ flow: 'kb-tell', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    expect(await notifyOf(c.id, 'tell')).toBeUndefined();
    expect(await notifyOf(c.id, 'ask-agent')).toBeDefined();
  });

  it('never sends an agents-only article to a customer, and says so on the timeline', async () => {
    await article('block-card', 'en', 'Internal: block a card', 'agents');
    await view('block-card', T0 - 60_000);
    const c = await f.runtime.openCase({ flow: 'kb-tell', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    const [message] = (await notifyOf(c.id, 'tell'))!.messages as Array<{ body: string }>;
    expect(message!.body).not.toContain('Internal');
    const entry = (await f.runtime.timeline(c.id)).find((e) => e.type === 'notify.queued');
    expect(entry?.data).toMatchObject({ article: { slug: 'block-card', sent: false, title: null } });
  });

  it('sends agents-only articles to staff, in another language when theirs is missing', async () => {
    await article('fraud-playbook', 'pt-BR', 'Manual de fraude', 'agents');
    const c = await f.runtime.openCase({ flow: 'kb-tell', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    const [message] = (await notifyOf(c.id, 'ask-agent'))!.messages as Array<{
      locale: string;
      body: string;
    }>;
    expect(message!.locale).toBe('en');
    expect(message!.body).toContain('An article that may help: Manual de fraude');
  });
});
