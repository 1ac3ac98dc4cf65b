import { type CannedResponse, CannedResponseInput, type CannedResponseInputRaw } from '@caseflow/schema';
import type { Clock } from '../clock';
import { actingUser } from '../executor/acting-user';
import { badRequest, conflict, forbidden, notFound } from '../executor/errors';
import { newRowId } from '../executor/ids';
import { isStaff } from '../kb/kb-access';
import type { ResponseRow } from '../store/response-store';
import type { Store } from '../store/store';
import { mayUseResponse, mayWriteResponse } from './response-access';
import { placeholderProblems, renderResponseBody, responseScope } from './response-template';

/*
 * Commands of canned responses (DESIGN §10). Each runs in one transaction and checks there who
 * may do it, with the acting user read inside it (a deactivated agent cannot write).
 */

/** A deployment's responses are listed whole: this many keeps every list small. */
export const MAX_RESPONSES = 2000;

export interface ResponseDeps {
  store: Store;
  clock: Clock;
}

/** The resource form of a row. */
export function toResponse(row: ResponseRow): CannedResponse {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    groups: row.groups,
    locale: row.locale,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    updatedBy: row.updatedBy,
  };
}

function parseInput(raw: CannedResponseInputRaw): CannedResponseInput {
  const input = CannedResponseInput.parse(raw);
  const problems = placeholderProblems(input.body);
  if (problems.length > 0) throw badRequest('the body has invalid placeholders', problems);
  return { ...input, groups: [...new Set(input.groups)] };
}

/** The responses `actor` may use, by title; optionally one locale only. Staff only (403). */
export async function listResponses(
  deps: ResponseDeps,
  actor: string,
  query: { locale?: string } = {},
): Promise<CannedResponse[]> {
  const user = await actingUser(deps.store, actor);
  if (!isStaff(user)) throw forbidden('canned responses are for staff');
  return (await deps.store.responses.list())
    .filter((r) => mayUseResponse(user, r.groups) && (!query.locale || r.locale === query.locale))
    .map(toResponse);
}

/** Creates a response: owners any, agents only for their own groups (403); 400 on a bad placeholder. */
export function createResponse(
  deps: ResponseDeps,
  actor: string,
  raw: CannedResponseInputRaw,
): Promise<CannedResponse> {
  const input = parseInput(raw);
  return deps.store.transaction(async (tx) => {
    const user = await actingUser(tx, actor);
    if (!mayWriteResponse(user, input.groups)) throw forbidden(writeRefusal(input.groups));
    if ((await tx.responses.count()) >= MAX_RESPONSES) {
      throw conflict(`at most ${MAX_RESPONSES} canned responses; delete unused ones first`);
    }
    const now = deps.clock.now();
    const row = await tx.responses.create({
      ...input,
      id: newRowId('r', now),
      createdAt: now,
      createdBy: user.username,
      updatedAt: now,
      updatedBy: user.username,
    });
    return toResponse(row);
  });
}

/** Replaces a response; the actor must be allowed to write both its old and its new groups. */
export function updateResponse(
  deps: ResponseDeps,
  actor: string,
  id: string,
  raw: CannedResponseInputRaw,
): Promise<CannedResponse> {
  const input = parseInput(raw);
  return deps.store.transaction(async (tx) => {
    const user = await actingUser(tx, actor);
    const before = await usable(tx, user, id);
    if (!mayWriteResponse(user, before.groups)) throw forbidden(writeRefusal(before.groups));
    if (!mayWriteResponse(user, input.groups)) throw forbidden(writeRefusal(input.groups));
    const row = await tx.responses.update(id, {
      ...input,
      updatedAt: deps.clock.now(),
      updatedBy: user.username,
    });
    if (!row) throw notFound('response', id);
    return toResponse(row);
  });
}

/** Deletes a response the actor may write. */
export function deleteResponse(deps: ResponseDeps, actor: string, id: string): Promise<void> {
  return deps.store.transaction(async (tx) => {
    const user = await actingUser(tx, actor);
    const before = await usable(tx, user, id);
    if (!mayWriteResponse(user, before.groups)) throw forbidden(writeRefusal(before.groups));
    await tx.responses.delete(id);
  });
}

/**
 * The response's title and body for one case, its placeholders rendered with FEEL against the
 * case, its customer and the agent. Staff who may use the response only; 404 for an unknown case.
 */
export async function renderResponse(
  deps: ResponseDeps,
  actor: string,
  id: string,
  caseId: string,
): Promise<{ id: string; title: string; body: string }> {
  const { store } = deps;
  const user = await actingUser(store, actor);
  if (!isStaff(user)) throw forbidden('canned responses are for staff');
  const response = await usable(store, user, id);
  const kase = await store.cases.get(caseId);
  if (!kase) throw notFound('case', caseId);
  const customer = kase.customerId ? await store.customers.get(kase.customerId) : null;
  const scope = responseScope(kase, customer, user);
  return { id, title: response.title, body: renderResponseBody(response.body, scope, deps.clock.now()) };
}

/** The response when `user` may use it; 404 otherwise, so other teams' ids do not show. */
async function usable(
  store: Store,
  user: Parameters<typeof mayUseResponse>[0],
  id: string,
): Promise<ResponseRow> {
  const row = await store.responses.get(id);
  if (!row || !mayUseResponse(user, row.groups)) throw notFound('response', id);
  return row;
}

function writeRefusal(groups: readonly string[]): string {
  return groups.length === 0
    ? 'only owners and admins write responses shared with every agent'
    : `only owners, admins and members of ${groups.join(', ')} write this response`;
}
