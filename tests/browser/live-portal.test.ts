import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * Issue #13 in both languages, in Chromium against the built runtime and designer: a customer
 * requests a password reset and reads when to expect an answer and a resolution; the agent's
 * queue shows only their group's work, sorted by SLA risk with its filters in the URL, and
 * another group's agent does not see it; the agent's reply appears on the customer's open page
 * without a reload, and so does the survey once the case is resolved.
 */

const WORDS = {
  en: {
    username: 'User name',
    contact: 'Where to reach you',
    submit: 'Submit request',
    received: 'We received your request REQ-',
    resolution: /Resolution within 4 hours — by [^,]+, in [34] hours/,
    survey: 'Survey',
    send: 'Send answer',
    resolved: 'resolved',
    // The item's name and the step's customer label in carla's language.
    title: 'Reset my password',
    step: 'Resetting your password',
    // The flow's own label of the outcome `done` (examples/flows/password-reset.json).
    done: 'Password reset',
    completed: '” as “Password reset”',
    thanks: 'You answered our survey',
  },
  'pt-BR': {
    // The demo item's own Portuguese labels (its translations).
    username: 'Nome de usuário',
    contact: 'Onde falar com você',
    submit: 'Enviar solicitação',
    received: 'Recebemos sua solicitação REQ-',
    resolution: /Solução em até 4 horas — até \d\d:\d\d, em [34] horas/,
    survey: 'Pesquisa',
    send: 'Enviar resposta',
    resolved: 'resolvido',
    title: 'Redefinir minha senha',
    step: 'Redefinindo sua senha',
    done: 'Senha redefinida',
    completed: '” como “Senha redefinida”',
    thanks: 'Você respondeu à nossa pesquisa',
  },
} as const;

describe.each(['en', 'pt-BR'] as const)('the live portal and queue in %s', (locale) => {
  const suite = designerSuite();
  const w = WORDS[locale];

  /** Signs in and picks `locale` in the header (saved to the user's profile, as a person would). */
  async function as(user: string): Promise<Page> {
    const page = await suite.signIn(user);
    if (locale !== 'en') {
      await page.getByRole('combobox', { name: 'Language' }).first().selectOption(locale);
      await page.getByRole('combobox', { name: 'Idioma' }).first().waitFor();
    }
    return page;
  }

  it('walks a request from the portal through the queue and back, live', async () => {
    const carla = await as('carla');
    await carla.goto(`${suite.rt.url}/catalog/password-reset`);
    await carla.getByLabel(w.username).fill(`carla.${locale}`);
    await carla.getByLabel(w.contact).fill('carla@example.com');
    await carla.getByRole('button', { name: w.submit }).click();
    await carla.waitForURL('**/cases/**');
    const caseId = carla.url().split('/cases/')[1]!;
    // What happens next: the resolution promise from the flow's SLA (4 hours on 24x7).
    await expect.poll(() => carla.getByRole('status').first().textContent()).toContain(w.received);
    await expect.poll(() => carla.locator('[data-due="resolution"]').textContent()).toMatch(w.resolution);
    await expect.poll(() => carla.getByRole('heading', { level: 1 }).textContent()).toBe(w.title);
    await expect.poll(() => carla.locator('main').textContent()).toContain(w.step);
    await screenshot(carla, `live-${locale}-1-confirmation`);
    const html = await carla.content();
    for (const internal of ['it-support', 'Reset the password of', 'password-reset v'])
      expect(html).not.toContain(internal);

    // Only the it-support agent has it in the queue; lena (service desk) does not.
    const lena = await as('lena');
    await lena.goto(`${suite.rt.url}/work`);
    await lena.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => lena.locator(`a[href="/cases/${caseId}"]`).count()).toBe(0);

    // A later request of ben's: its clock is due after carla's, so it must come after hers.
    await suite.rt.advance('PT10M');
    const later = await suite.rt.api('POST', '/api/catalog/password-reset/requests', {
      as: 'ben',
      body: { values: { username: `ben.${locale}`, contact: 'ben@example.com' } },
    });
    expect(later.status, JSON.stringify(later.body)).toBe(201);

    const ivan = await as('ivan');
    await ivan.goto(`${suite.rt.url}/work`);
    const row = ivan.getByRole('row').filter({ has: ivan.locator(`a[href="/cases/${caseId}"]`) });
    await expect.poll(() => row.getAttribute('data-sla')).toBe('on-track');
    await ivan.locator(`a[href="/cases/${later.body.id}"]`).first().waitFor();
    // Sorted by SLA risk by default: worst state first, then the earliest due; the choice of
    // sort stays in the URL.
    const RISK = ['breached', 'at-risk', 'on-track', 'paused', 'none'];
    const rows = await ivan
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((r) => [r.getAttribute('data-sla'), r.getAttribute('data-due')]));
    const keys = rows.map(
      ([state, due]) => [RISK.indexOf(state ?? ''), due ? Date.parse(due) : Infinity] as const,
    );
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]), JSON.stringify(rows)).toBe(true);
    }
    const ids = await ivan
      .locator('tbody tr a[href^="/cases/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(ids.indexOf(`/cases/${caseId}`)).toBeLessThan(ids.indexOf(`/cases/${later.body.id}`));
    await ivan.getByLabel(locale === 'en' ? 'Sort by' : 'Ordenar por').selectOption('age');
    await expect.poll(() => new URL(ivan.url()).searchParams.get('sort')).toBe('age');
    await ivan.reload();
    await expect
      .poll(() => ivan.getByLabel(locale === 'en' ? 'Sort by' : 'Ordenar por').inputValue())
      .toBe('age');
    await screenshot(ivan, `live-${locale}-2-queue`);
    await row.getByRole('button', { name: locale === 'en' ? /^Claim/ : /^Assumir/ }).click();
    await row.getByRole('link').first().click();
    await ivan.waitForURL(`**/cases/${caseId}`);

    // The reply shows on carla's open page without a reload.
    const reply = `${locale}: we are resetting it now`;
    await ivan.locator('.reply-box textarea').fill(reply);
    await ivan.locator('.reply-box button[type="submit"]').click();
    await expect
      .poll(() => carla.locator('ol.timeline').first().textContent(), { timeout: 5000 })
      .toContain(reply);
    await screenshot(carla, `live-${locale}-3-reply`);

    // The agent finishes; after the grace timer the flow waits for the confirmation signal.
    await ivan.getByLabel(w.done, { exact: true }).check();
    await ivan.locator('form[aria-label] button.btn-primary').first().click();
    await expect.poll(() => ivan.locator('.task-card').count()).toBe(0);
    // The history tells the outcome in the agent's language too.
    await expect.poll(() => ivan.locator('ol.timeline[aria-label]').textContent()).toContain(w.completed);
    await suite.rt.advance('PT15M');
    await ivan.getByRole('button', { name: 'customer-confirmed' }).click();
    await expect.poll(() => ivan.locator('.page-header .badge').textContent()).toBe(w.resolved);

    // The survey appears on carla's page by itself; she answers it.
    const survey = carla.getByRole('form', { name: w.survey });
    await survey.waitFor({ timeout: 5000 });
    await survey.getByText('6', { exact: true }).click();
    await survey.getByRole('button', { name: w.send }).click();
    await expect.poll(() => survey.count()).toBe(0);
    await expect.poll(() => carla.locator('ol.timeline').nth(1).textContent()).toContain(w.thanks);
    await screenshot(carla, `live-${locale}-4-survey-answered`);
  }, 120_000);
});
