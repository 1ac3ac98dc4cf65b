import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * An agent cancels a case from its page, saying why: an agent outside the case is told who may
 * (the case stays open); the agent who opened it cancels it, the page shows it cancelled and the
 * timeline says who cancelled it and why. A customer withdraws their own request from the portal
 * and, writing on it once closed, has it picked up again as a follow-up.
 */
describe('cancelling a case from its page', () => {
  let caseId = '';
  const suite = designerSuite(async (rt) => {
    const opened = await rt.api('POST', '/api/cases', {
      as: 'lena',
      body: {
        flow: 'lost-card',
        customerId: 'c-1005',
        channel: 'phone',
        subject: 'Card lost at the airport',
      },
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
  });

  it('asks why, refuses an outsider and records who cancelled it', async () => {
    const outsider = await suite.signIn('fatima');
    await outsider.goto(`${suite.rt.url}/cases/${caseId}`);
    await outsider.getByRole('heading', { name: 'Card lost at the airport' }).waitFor();
    // Not offered to whom the runtime would refuse; asked anyway, the runtime refuses.
    expect(await outsider.getByRole('button', { name: 'Cancel case' }).count()).toBe(0);
    const refused = await suite.rt.api('POST', `/api/cases/${caseId}/cancel`, {
      as: 'fatima',
      body: { reason: 'Looks like a duplicate' },
    });
    expect(refused.status).toBe(403);
    expect((await suite.rt.api('GET', `/api/cases/${caseId}`, { as: 'lena' })).body.status).toBe('open');

    const agent = await suite.signIn('lena');
    await agent.goto(`${suite.rt.url}/cases/${caseId}`);
    // The customer by name, not by id.
    await agent.getByRole('link', { name: 'Customer: Frida Berg' }).waitFor();
    await agent.getByRole('button', { name: 'Cancel case' }).click();
    const form = agent.getByRole('form', { name: 'Cancel this case' });
    // A cancel must say why.
    expect(await form.getByRole('button', { name: 'Cancel the case' }).isDisabled()).toBe(true);
    await form.getByLabel('Why is it cancelled?').fill('The customer found the card');
    await screenshot(agent, 'case-cancel-form');
    await form.getByRole('button', { name: 'Cancel the case' }).click();
    await agent.getByText('Case cancelled.').waitFor();
    await agent.getByText('Lena (L1) cancelled the case: “The customer found the card”').waitFor();
    // The case and its timeline reload apart: the button goes once the case's own answer is in.
    await expect.poll(() => agent.getByRole('button', { name: 'Cancel case' }).count()).toBe(0);
    expect((await suite.rt.api('GET', `/api/cases/${caseId}`, { as: 'lena' })).body.status).toBe('cancelled');
  });

  it('lets a customer withdraw their own request from the portal, and pick it up again', async () => {
    const opened = await suite.rt.api('POST', '/api/catalog/report-lost-card/requests', {
      as: 'carla',
      body: { values: { cardLast4: '6262', suspiciousTransactions: 0 } },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id: string = opened.body.id;
    const carla = await suite.signIn('carla');
    await carla.goto(`${suite.rt.url}/cases/${id}`);
    await carla.getByRole('button', { name: 'Withdraw request' }).click();
    const form = carla.getByRole('form', { name: 'Withdraw this request' });
    // Changing her mind keeps the request as it was.
    await form.getByRole('button', { name: 'Keep it open' }).click();
    await carla.getByRole('button', { name: 'Withdraw request' }).click();
    await form.getByLabel('Why? (optional)').fill('Found it in my coat');
    await screenshot(carla, 'portal-withdraw-form');
    await form.getByRole('button', { name: 'Withdraw the request' }).click();
    await carla.getByText('You withdrew this request.').waitFor();
    await carla.getByText('You withdrew the request: “Found it in my coat”').waitFor();
    await expect.poll(() => carla.getByRole('button', { name: 'Withdraw request' }).count()).toBe(0);
    expect((await suite.rt.api('GET', `/api/cases/${id}`, { as: 'lena' })).body.status).toBe('cancelled');

    // The team reads who withdrew it and why.
    const agent = await suite.signIn('lena');
    await agent.goto(`${suite.rt.url}/cases/${id}`);
    await agent.getByText('Carla Customer cancelled the case: “Found it in my coat”').waitFor();

    // Writing on the closed request picks it up again: a follow-up request, linked to it.
    const reopen = carla.getByRole('region', { name: 'Still need help?' });
    await reopen.getByLabel('Message', { exact: true }).fill('It was not my card after all');
    await reopen.getByRole('button', { name: 'Send' }).click();
    await carla.waitForURL((url) => url.pathname.startsWith('/cases/') && !url.pathname.endsWith(id));
    const next = carla.url().split('/cases/')[1]!;
    const numbers = [
      opened.body.number,
      (await suite.rt.api('GET', `/api/cases/${next}`, { as: 'carla' })).body.number,
    ];
    await carla
      .getByText(`We picked up request ${numbers[0]} again: it continues here, as ${numbers[1]}.`)
      .waitFor();
    await carla.getByText('It was not my card after all').waitFor();
    // Hers like the first one: she may withdraw it too; what she did on the old page stays there.
    await carla.getByRole('button', { name: 'Withdraw request' }).waitFor();
    expect(await carla.getByText('You withdrew this request.').count()).toBe(0);
    await screenshot(carla, 'portal-follow-up');
    const followUp = await suite.rt.api('GET', `/api/cases/${next}`, { as: 'lena' });
    expect(followUp.body).toMatchObject({
      status: 'open',
      flow: 'lost-card',
      variables: { previousCase: id },
    });
    // Back on the closed one: it points to the request that continues it, and takes no message.
    await carla.goto(`${suite.rt.url}/cases/${id}`);
    const continued = carla.getByRole('region', { name: 'Picked up again' });
    await continued.getByRole('link', { name: `Go to request ${numbers[1]}` }).waitFor();
    expect(await carla.getByRole('region', { name: 'Still need help?' }).count()).toBe(0);
  });
});
