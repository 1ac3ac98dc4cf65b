import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { designerSuite } from './designer-app';

/**
 * Publish → activate made explicit (issue #14): the owner publishes a second version, sees that
 * it is not live and requests its activation with a note; the admin finds the request among the
 * work on the flow list, reviews it on the versions screen and activates it with a note; the
 * owner's editor then says the new version is live.
 *
 *   start ─▶ call (task: done) ─▶ closed
 */
const FLOW = {
  key: 'go-live',
  name: 'Go live',
  tiers: [{ id: 'L1', name: 'Desk', group: 'service-desk' }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'call', type: 'task', title: 'Call the customer', assign: { tier: 'L1' }, outcomes: ['done'] },
    { id: 'closed', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'call' },
    { from: 'call', to: 'closed', on: 'done' },
  ],
};

describe('an owner requests activation and an admin activates', () => {
  const suite = designerSuite(async (rt) => {
    expect(
      (await rt.api('PUT', `/api/flows/${FLOW.key}`, { as: 'olivia', body: { definition: FLOW } })).status,
    ).toBe(200);
    // The first version goes live as it is published; the second one is the owner's to request.
    expect((await rt.api('POST', `/api/flows/${FLOW.key}/publish`, { as: 'olivia', body: {} })).status).toBe(
      201,
    );
  });

  it('goes from published to requested to live, with both notes kept', async () => {
    const owner = await suite.signIn('olivia');
    await owner.goto(`${suite.rt.url}/flows/${FLOW.key}`);
    const versions = owner.getByRole('status', { name: 'Versions of this flow' });
    await versions.getByText('Live: v1').waitFor();

    await owner
      .getByRole('toolbar', { name: 'Flow editor' })
      .getByRole('button', { name: 'Publish' })
      .click();
    const publish = owner.getByRole('form', { name: 'Publish a version' });
    await publish.getByLabel('Version note').fill('Shorter call script');
    await publish.getByRole('button', { name: 'Publish version' }).click();
    await versions.getByText('v2 not live').waitFor();
    expect(await versions.getByText('Live: v1').count()).toBe(1);

    await versions.getByRole('button', { name: 'Request activation of v2' }).click();
    const request = owner.getByRole('form', { name: 'Request activation of v2' });
    const send = request.getByRole('button', { name: 'Send request' });
    // A request must say why.
    expect(await send.isDisabled()).toBe(true);
    await request.getByLabel('Why should v2 go live?').fill('The desk checked the new script');
    await send.click();
    await versions.getByText('v2 awaiting activation').waitFor();
    await owner.getByText('Activation of v2 requested. An admin will review it.').waitFor();
    expect(await versions.getByRole('button', { name: 'Request activation of v2' }).count()).toBe(0);
    await screenshot(owner, 'activation-requested');

    const admin = await suite.signIn('admin');
    await admin.goto(`${suite.rt.url}/flows`);
    const waiting = admin.getByRole('region', { name: 'Versions waiting to go live' });
    // Flows and people by their names, the username beside a person's name.
    await waiting.getByText('Go live, v2').waitFor();
    expect(
      await waiting
        .getByText(/Requested by Olivia Owner \(olivia\), .*The desk checked the new script/)
        .count(),
    ).toBe(1);
    await waiting.getByRole('link', { name: 'Review v2 of Go live' }).click();
    await admin.getByRole('heading', { name: 'Versions of Go live' }).waitFor();
    await admin.getByText('Requested by Olivia Owner (olivia): The desk checked the new script').waitFor();

    await admin.getByRole('button', { name: 'Activate v2' }).click();
    const activate = admin.getByRole('form', { name: 'Activate v2' });
    await activate.getByLabel('Note (optional)').fill('Approved for Monday');
    await activate.getByRole('button', { name: 'Activate v2' }).click();
    await admin.getByText('Version 2 is now used for new cases.').waitFor();
    const history = admin.getByRole('region', { name: 'Going live: requests and activations' });
    const row = history.getByRole('row').filter({ hasText: 'The desk checked the new script' });
    await row.getByText('activated').waitFor();
    expect(await row.getByText('Approved for Monday').count()).toBe(1);
    expect(await row.getByText('Olivia Owner').count()).toBe(1);
    expect(await row.getByText('(olivia)').count()).toBe(1);
    await screenshot(admin, 'activation-activated');

    await owner.reload();
    await versions.getByText('Live: v2').waitFor();
    expect(await versions.getByText(/not live|awaiting activation/).count()).toBe(0);
    expect(suite.consoles.flat()).toEqual([]);
  });
});
