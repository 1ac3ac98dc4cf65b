import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyFlow, openCase, publishFlow } from '../faults/support/fault-flows';
import { startWebhookSink, type WebhookSink } from '../faults/support/webhook-sink';
import { eventually } from '../support/eventually';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { launchChromium, screenshot, watchConsole } from './chromium';
import { ensureDesignerBuilt } from './designer-app';

/*
 * The admin screens of issue #13 in both languages, on the built runtime with the demo data:
 * - an admin deactivates an agent whose tab is open: that tab is signed out on its next request;
 * - a notification the receiver refused is dead in the outbox; once the receiver is back, the
 *   admin filters the outbox by "dead" and retries it: delivered.
 */

const LANGUAGES = {
  en: {
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    main: 'Main',
    sessionEnded: 'Your session has ended. Please sign in again.',
    edit: (u: string) => `Edit ${u}`,
    deactivate: 'Deactivate',
    deactivated: (u: string) => `Deactivated ${u}`,
    status: 'Status',
    dead: 'Dead (gave up)',
    retry: (id: string) => `Retry message ${id}`,
    delivered: 'Delivered on the new attempt.',
    deliveredBadge: 'Delivered',
    demo: 'Demo accounts',
  },
  'pt-BR': {
    username: 'Usuário',
    password: 'Senha',
    signIn: 'Entrar',
    main: 'Principal',
    sessionEnded: 'Sua sessão foi encerrada. Entre novamente.',
    edit: (u: string) => `Editar ${u}`,
    deactivate: 'Desativar',
    deactivated: (u: string) => `${u} desativado`,
    status: 'Situação',
    dead: 'Morta (abandonada)',
    retry: (id: string) => `Tentar de novo a mensagem ${id}`,
    delivered: 'Entregue na nova tentativa.',
    deliveredBadge: 'Entregue',
    demo: 'Contas de demonstração',
  },
} as const;

type Words = (typeof LANGUAGES)[keyof typeof LANGUAGES];

describe('admin screens in the browser', () => {
  let rt: RuntimeProcess;
  let sink: WebhookSink;
  let browser: Browser;
  const consoles: string[][] = [];

  beforeAll(async () => {
    ensureDesignerBuilt();
    sink = await startWebhookSink();
    await sink.down();
    rt = await startRuntime({ CASEFLOW_WEBHOOK_URL: sink.url, CASEFLOW_OUTBOX_MAX_ATTEMPTS: '1' });
    await publishFlow(rt, notifyFlow);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
    await sink?.close();
  });

  /** A fresh profile whose browser speaks `locale`, signed in as `user` through the login form. */
  async function signIn(locale: keyof typeof LANGUAGES, user: string): Promise<Page> {
    const w = LANGUAGES[locale];
    const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    consoles.push(watchConsole(page));
    await page.goto(`${rt.url}/login`);
    // Demo mode: the login page lists the demo accounts.
    await page.getByRole('heading', { name: w.demo }).waitFor();
    await page.getByLabel(w.username).fill(user);
    await page.getByLabel(w.password, { exact: true }).fill('demo1234');
    await page.getByRole('button', { name: w.signIn, exact: true }).click();
    // The profile's language wins at sign-in, and the other language's run may have saved one:
    // pick ours in the header, as a person would.
    await page.getByRole('navigation', { name: /^(Main|Principal)$/ }).waitFor();
    await page
      .getByRole('combobox', { name: /^(Language|Idioma)$/ })
      .first()
      .selectOption(locale);
    await page.getByRole('navigation', { name: w.main }).waitFor();
    return page;
  }

  async function deactivateWhileOpen(locale: keyof typeof LANGUAGES, agent: string) {
    const w: Words = LANGUAGES[locale];
    const agentTab = await signIn(locale, agent);
    const admin = await signIn(locale, 'admin');
    await admin.goto(`${rt.url}/admin`);
    await admin.getByRole('button', { name: w.edit(agent), exact: true }).click();
    admin.once('dialog', (d) => void d.accept());
    await admin.getByRole('button', { name: w.deactivate, exact: true }).click();
    await expect.poll(() => admin.getByText(w.deactivated(agent)).count()).toBe(1);
    await screenshot(admin, `admin-deactivated-${locale}`);

    // The agent's open tab makes its next request: the server refuses the ended session.
    await agentTab.reload();
    await agentTab.getByLabel(w.username).waitFor();
    await expect.poll(() => agentTab.getByText(w.sessionEnded).count()).toBe(1);
    expect(
      (await rt.api('POST', '/api/auth/login', { body: { username: agent, password: 'demo1234' } })).status,
    ).toBe(401);
  }

  async function retryDead(locale: keyof typeof LANGUAGES, n: number) {
    const w: Words = LANGUAGES[locale];
    await sink.down();
    const caseId = await openCase(rt, notifyFlow.key, n);
    const dead = await eventually(
      async () =>
        (await rt.api('GET', `/api/outbox?case=${caseId}&status=dead`, { as: 'admin' })).body.items[0],
      'the notification dead after its one attempt',
      20_000,
    );
    await sink.up();
    const admin = await signIn(locale, 'admin');
    await admin.goto(`${rt.url}/outbox`);
    await admin.getByLabel(w.status).selectOption('dead');
    await expect.poll(() => new URL(admin.url()).search).toBe('?status=dead');
    const row = admin.locator(`tr[data-outbox="${dead.id}"]`);
    await row.waitFor();
    expect(await row.getByText(w.dead).count()).toBe(1);
    await row.getByRole('button', { name: w.retry(dead.id) }).click();
    await expect.poll(() => admin.getByText(w.delivered).count()).toBe(1);
    await expect.poll(() => row.getByText(w.deliveredBadge, { exact: true }).count()).toBe(1);
    await screenshot(admin, `outbox-retried-${locale}`);
    expect(sink.deliveries.filter((d) => d.idempotencyKey === dead.idempotencyKey)).toHaveLength(1);
    const after = (await rt.api('GET', `/api/outbox?case=${caseId}`, { as: 'admin' })).body.items[0];
    expect(after).toMatchObject({ id: dead.id, status: 'delivered', attempts: 2 });
  }

  it('in English: deactivating signs the open tab out; a dead message is retried', async () => {
    await deactivateWhileOpen('en', 'ivan');
    await retryDead('en', 1);
    expect(consoles.flat().filter((c) => !c.includes('401'))).toEqual([]);
  }, 180_000);

  it('em português: desativar encerra a aba aberta; uma mensagem morta é repetida', async () => {
    await deactivateWhileOpen('pt-BR', 'ines');
    await retryDead('pt-BR', 2);
    expect(consoles.flat().filter((c) => !c.includes('401'))).toEqual([]);
  }, 180_000);
});
