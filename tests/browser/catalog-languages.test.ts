import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * Catalog items in the reader's language (DESIGN §9): a customer whose profile is Portuguese
 * sees the demo's items, their categories and their form labels in Portuguese, and the form's
 * errors name the fields as she reads them; an owner edits the Portuguese text in the catalog
 * editor and the customer sees the change.
 */
describe('the catalog in the reader’s language', () => {
  const suite = designerSuite();

  it('shows a Portuguese reader the items in Portuguese, as their owner wrote them', async () => {
    const customer = await suite.signIn('carla');
    await customer.getByRole('combobox', { name: 'Language' }).selectOption('pt-BR');
    await customer.getByRole('navigation', { name: 'Principal' }).waitFor();
    await customer.goto(`${suite.rt.url}/catalog`);
    await customer.getByRole('heading', { name: 'Cartões' }).waitFor();
    await customer.getByRole('link', { name: 'Solicitar Comunicar perda ou roubo de cartão' }).click();
    const form = customer.getByRole('form', { name: 'Solicitar Comunicar perda ou roubo de cartão' });
    await form.getByLabel('Últimos 4 dígitos do cartão').fill('12a');
    await form.getByRole('button', { name: 'Enviar solicitação' }).click();
    // The rule in words (the field's help), not as a regular expression.
    await form
      .getByText(
        'O campo Últimos 4 dígitos do cartão não está no formato esperado: Os quatro dígitos no fim do número do cartão',
      )
      .waitFor();
    expect(await customer.getByText('Last 4 digits of the card').count()).toBe(0);
    await screenshot(customer, 'catalog-request-pt');

    const owner = await suite.signIn('olivia');
    await owner.goto(`${suite.rt.url}/catalog/report-lost-card/edit`);
    const name = owner.getByLabel('Name in Brazilian Portuguese');
    expect(await name.inputValue()).toBe('Comunicar perda ou roubo de cartão');
    await name.fill('Avisar que perdi meu cartão');
    await owner.getByRole('button', { name: 'Save item' }).click();
    await owner.getByText('Saved.').waitFor();
    const stored = await suite.rt.api('GET', '/api/catalog/report-lost-card', { as: 'olivia' });
    expect(stored.body.name).toBe('Report a lost or stolen card');
    expect(stored.body.translations['pt-BR'].name).toBe('Avisar que perdi meu cartão');

    await customer.goto(`${suite.rt.url}/catalog`);
    await customer.getByRole('link', { name: 'Solicitar Avisar que perdi meu cartão' }).waitFor();

    // A field's options read as their labels in her language, never as their stored values.
    await customer.getByRole('link', { name: 'Solicitar Redefinir minha senha' }).click();
    const options = customer.getByLabel('Tipo de conta').locator('option');
    await expect
      .poll(() => options.allTextContents())
      .toEqual(['Escolha…', 'Conta comum', 'Conta privilegiada (direitos de administrador)']);
  });
});
