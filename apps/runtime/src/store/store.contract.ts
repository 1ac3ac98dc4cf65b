import { afterEach, beforeEach, describe } from 'vitest';
import { activationsContract } from './contract/activations.contract';
import { analyticsContract } from './contract/analytics.contract';
import { auditContract } from './contract/audit.contract';
import { caseCommitContract } from './contract/case-commit.contract';
import { casesContract } from './contract/cases.contract';
import { changesContract } from './contract/changes.contract';
import { channelsContract } from './contract/channels.contract';
import { chatContract } from './contract/chat.contract';
import { chatVisitorsContract } from './contract/chat-visitors.contract';
import { connectionsContract } from './contract/connections.contract';
import { customerMergesContract } from './contract/customer-merges.contract';
import { deliveryContract } from './contract/delivery.contract';
import { directoryContract } from './contract/directory.contract';
import { flowsContract } from './contract/flows.contract';
import { groupCommitContract } from './contract/group-commit.contract';
import { incidentsContract } from './contract/incidents.contract';
import { kbContract } from './contract/kb.contract';
import { messagingContract } from './contract/messaging.contract';
import { migrationsContract } from './contract/migrations.contract';
import { responsesContract } from './contract/responses.contract';
import { rollupsContract } from './contract/rollups.contract';
import { routingContract } from './contract/routing.contract';
import { sessionsContract } from './contract/sessions.contract';
import { supervisionContract } from './contract/supervision.contract';
import { transactionsContract } from './contract/transactions.contract';
import { visibilityContract } from './contract/visibility.contract';
import type { Store } from './store';

export { caseRow, T0, taskRow, versionRow } from './contract/fixtures';

/*
 * The behaviour every Store side must have, as one suite: sqlite/sqlite-store.test.ts and
 * pg/pg-store.test.ts call storeContract with a function that opens an EMPTY store. Each test
 * gets its own store and closes it. The parts live in contract/, one per group of tables.
 */

/** Runs the shared Store contract against the side that `open` creates. */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });
    const current = () => store;

    directoryContract(current);
    flowsContract(current);
    casesContract(current);
    caseCommitContract(current);
    auditContract(current);
    deliveryContract(current);
    transactionsContract(current);
    groupCommitContract(current);
    analyticsContract(current);
    sessionsContract(current);
    incidentsContract(current);
    connectionsContract(current);
    visibilityContract(current);
    migrationsContract(current);
    changesContract(current);
    rollupsContract(current);
    kbContract(current);
    responsesContract(current);
    supervisionContract(current);
    routingContract(current);
    channelsContract(current);
    messagingContract(current);
    chatContract(current);
    activationsContract(current);
    chatVisitorsContract(current);
    customerMergesContract(current);
  });
}
