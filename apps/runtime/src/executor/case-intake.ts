import { type Channel, catalogNameIn, type Priority } from '@caseflow/schema';
import { hasRole, isCustomerOnly } from '../auth/roles';
import type { CatalogItemRow, CustomerRow, Store, UserRow } from '../store/store';
import { actingUser } from './acting-user';
import { openCaseIn } from './case-commands';
import type { CaseSession } from './case-session';
import { admitsCustomer, catalogVariables, checkRequestForm, mayRequest } from './catalog-rules';
import { AppError, badRequest, forbidden, notEligible, notFound } from './errors';
import type { RuntimeCore } from './runtime-core';
import type { Actor, CaseRecord } from './types';

/** A request from the service catalog (POST /catalog/:key/requests). */
export interface CatalogRequestInput {
  item: string;
  values: Record<string, unknown>;
  /** The customer an agent requests for; a customer always requests for themselves. */
  onBehalfOf?: string;
  channel?: Channel;
  actor: Actor;
}

/** A case opened by a person from a channel (POST /cases). */
export interface CaseIntakeInput {
  flow: string;
  customerId: string;
  channel: Channel;
  subject?: string;
  priority?: Priority;
  variables?: Record<string, unknown>;
  actor: Actor;
}

/**
 * Requests a catalog item and opens the case of its flow, in one transaction with every rule:
 * the requester is an active customer or agent (403); a customer requests for themselves only
 * (403) and sees only active items whose audience admits them (404 otherwise, so hidden items do
 * not leak); an agent's `onBehalfOf` customer must exist (400) and be admitted by the audience
 * (403); the item's flow is not internal (422); the values pass the item's form (400 with
 * fields).
 */
export function requestFromCatalog(core: RuntimeCore, input: CatalogRequestInput): Promise<CaseRecord> {
  return core.events.run(async (session) => {
    const { tx, now } = session;
    const user = await requester(tx, input.actor);
    const customerOnly = isCustomerOnly(user);
    const customer = await beneficiary(tx, user, input.onBehalfOf);
    const item = await tx.catalog.get(input.item);
    if (!item || !mayRequest(user, item, customer, now)) throw notFound('catalog item', input.item);
    if (!item.active) throw badRequest(`catalog item ${item.key} is not active`);
    if (!customerOnly && customer && !admitsCustomer(item, customer, now)) {
      throw forbidden(`catalog item ${item.key} is not offered to customer ${customer.id}`, {
        path: 'onBehalfOf',
        reason: 'audience',
      });
    }
    return openFromItem(session, item, input.values, {
      customerId: customer?.id ?? null,
      channel: input.channel ?? (customerOnly ? 'web' : 'phone'),
      // Named in the language of whom it is for: the customer reads it as their request's title.
      subject: catalogNameIn(item, customerOnly ? (user.locale ?? customer?.locale) : customer?.locale),
      actor: input.actor,
    });
  });
}

/**
 * Opens a case for a person (POST /cases). Agents and above open any flow for any customer, as
 * a service desk takes calls and mails. A customer goes through the catalog's rules, as Jira
 * Service Management's customers raise requests only through request types: for themselves
 * only (403), for a flow that an active catalog item they may request offers (403
 * `not-offered`: internal flows, subflows and items of other audiences are never opened by
 * customers), with variables that pass that item's form (400 with fields; only the form's
 * fields are kept, plus `request` and `catalogItem` as a catalog request sets them). A
 * customer's `priority` is not taken: the case gets the flow's default, as a catalog request.
 */
export function openCaseAs(core: RuntimeCore, input: CaseIntakeInput): Promise<CaseRecord> {
  return core.events.run(async (session) => {
    const { tx, now } = session;
    const user = await requester(tx, input.actor);
    if (!isCustomerOnly(user)) return openCaseIn(session, { ...input, actor: input.actor });
    if (!user.customerId || input.customerId !== user.customerId) {
      throw forbidden('customers open cases for themselves only', { path: 'customerId' });
    }
    const customer = await tx.customers.get(user.customerId);
    const items = (await tx.catalog.list())
      .filter((item) => item.flow === input.flow && mayRequest(user, item, customer, now))
      .sort((a, b) => a.key.localeCompare(b.key));
    if (items.length === 0) {
      throw new AppError(
        'not-offered',
        403,
        `customers open cases through the service catalog, and no catalog item offers flow ${input.flow} to you`,
        { path: 'flow' },
      );
    }
    // Several items may offer one flow: the first whose form accepts the values is the request.
    let firstError: unknown;
    for (const item of items) {
      try {
        checkRequestForm(item, input.variables ?? {});
      } catch (error) {
        firstError ??= error;
        continue;
      }
      return openFromItem(session, item, input.variables ?? {}, {
        customerId: user.customerId,
        channel: input.channel,
        subject: input.subject || catalogNameIn(item, user.locale),
        // No priority from the customer: it is the service desk's call (ServiceNow and Jira SM
        // derive it from impact and urgency); "urgent" for everyone would jump every queue.
        actor: input.actor,
      });
    }
    throw firstError;
  });
}

/** The requesting person: an active customer or agent (owners and admins are agents too). */
async function requester(tx: Store, actor: Actor): Promise<UserRow> {
  const user = await actingUser(tx, actor);
  if (!isCustomerOnly(user) && !hasRole(user, 'agent')) {
    throw forbidden('only customers and agents open cases and requests');
  }
  return user;
}

/** Whom a request is for: a customer themselves; for staff the `onBehalfOf` customer or nobody. */
async function beneficiary(
  tx: Store,
  user: UserRow,
  onBehalfOf: string | undefined,
): Promise<CustomerRow | null> {
  if (isCustomerOnly(user)) {
    if (onBehalfOf !== undefined && onBehalfOf !== user.customerId) {
      throw forbidden('customers request for themselves only', { path: 'onBehalfOf' });
    }
    const own = user.customerId ? await tx.customers.get(user.customerId) : null;
    if (!own) throw forbidden(`the account ${user.username} is not bound to a customer`);
    return own;
  }
  if (onBehalfOf === undefined) return null;
  const customer = await tx.customers.get(onBehalfOf);
  if (!customer) {
    throw badRequest(`unknown customer ${onBehalfOf}`, [{ path: 'onBehalfOf', message: 'unknown customer' }]);
  }
  return customer;
}

/** Checks the item's flow and form, then opens its case in the session. */
async function openFromItem(
  session: CaseSession,
  item: CatalogItemRow,
  values: Record<string, unknown>,
  open: { customerId: string | null; channel: Channel; subject?: string; priority?: Priority; actor: Actor },
): Promise<CaseRecord> {
  const flow = await session.tx.flows.launch(item.flow);
  if (!flow) throw notFound('flow', item.flow);
  if (flow.kind === 'subflow') {
    throw notEligible(`flow ${item.flow} is internal (a subflow) and is not opened from the catalog`, {
      path: 'flow',
      reason: 'internal',
    });
  }
  const checked = checkRequestForm(item, values);
  return openCaseIn(session, {
    flow: item.flow,
    customerId: open.customerId,
    channel: open.channel,
    subject: open.subject ?? item.name,
    ...(open.priority ? { priority: open.priority } : {}),
    variables: catalogVariables(item, checked),
    actor: open.actor,
  });
}
