import {
  type Connection,
  type ConnectionAuth,
  type ConnectionAuthInput,
  ConnectionInput,
  type ConnectionInputRaw,
} from '@caseflow/schema';
import { hasRole } from '../auth/roles';
import type { Clock } from '../clock';
import { badRequest, conflict, forbidden, notFound } from '../executor/errors';
import { type ConnectionRow, type Store, StoreConflict, type UserRow } from '../store/store';
import { toConnection } from './connection-resource';
import { baseUrlProblem, normaliseBaseUrl } from './connection-url';
import { activeUsesOf } from './connection-usage';
import { sealSecret } from './secret-box';

/** What the connection commands need: the store, the clock and CASEFLOW_DATA_KEY. */
export interface ConnectionDeps {
  store: Store;
  clock: Clock;
  dataKey: Buffer;
}

/** Who runs a command: only admins manage connections. */
export type ConnectionActor = Pick<UserRow, 'username' | 'roles'>;

/*
 * The connection commands (DESIGN §8). Each checks that the actor is an admin and every
 * invariant inside one transaction; secrets are sealed here and never leave: every answer is
 * a `Connection` resource, which says `"secret": "set"` at most.
 */

/** All connections, by name (admin). */
export async function listConnections(deps: ConnectionDeps, actor: ConnectionActor): Promise<Connection[]> {
  assertAdmin(actor);
  return (await deps.store.connections.list()).map(toConnection);
}

/** One connection (admin); 404 when unknown. */
export async function getConnection(
  deps: ConnectionDeps,
  actor: ConnectionActor,
  name: string,
): Promise<Connection> {
  assertAdmin(actor);
  const row = await deps.store.connections.get(name);
  if (!row) throw notFound('connection', name);
  return toConnection(row);
}

/** Creates a connection (admin): 400 on a bad base URL or a missing secret, 409 when the name exists. */
export async function createConnection(
  deps: ConnectionDeps,
  actor: ConnectionActor,
  raw: ConnectionInputRaw,
): Promise<Connection> {
  assertAdmin(actor);
  const input = parseInput(raw);
  return deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const { auth, secret } = sealAuth(deps.dataKey, input.name, input.auth, null);
    try {
      const row = await tx.connections.create({
        name: input.name,
        baseUrl: normaliseBaseUrl(input.baseUrl),
        allowedHosts: input.allowedHosts,
        auth,
        secret,
        description: input.description ?? null,
        updatedBy: actor.username,
        createdAt: now,
        updatedAt: now,
      });
      return toConnection(row);
    } catch (error) {
      if (error instanceof StoreConflict) throw conflict(`connection ${input.name} exists`);
      throw error;
    }
  });
}

/**
 * Replaces a connection's settings (admin). A secret field left out keeps the stored secret
 * when the auth kind stays the same; a new kind needs its secret. 404 when unknown.
 */
export async function updateConnection(
  deps: ConnectionDeps,
  actor: ConnectionActor,
  name: string,
  raw: Omit<ConnectionInputRaw, 'name'> & { name?: string },
): Promise<Connection> {
  assertAdmin(actor);
  if (raw.name !== undefined && raw.name !== name) {
    throw badRequest(`the body's name "${raw.name}" differs from the connection "${name}"`, [
      { path: 'name', message: `must be ${name}` },
    ]);
  }
  const input = parseInput({ ...raw, name });
  return deps.store.transaction(async (tx) => {
    const stored = await tx.connections.get(name);
    if (!stored) throw notFound('connection', name);
    const { auth, secret } = sealAuth(deps.dataKey, name, input.auth, stored);
    const row = await tx.connections.update(name, {
      baseUrl: normaliseBaseUrl(input.baseUrl),
      allowedHosts: input.allowedHosts,
      auth,
      secret,
      description: input.description ?? null,
      updatedBy: actor.username,
      updatedAt: deps.clock.now(),
    });
    if (!row) throw notFound('connection', name);
    return toConnection(row);
  });
}

/**
 * Deletes a connection (admin). 409 naming the flows when an active flow version (or an
 * active pilot's version) calls it; 404 when unknown.
 */
export async function deleteConnection(
  deps: ConnectionDeps,
  actor: ConnectionActor,
  name: string,
): Promise<void> {
  assertAdmin(actor);
  await deps.store.transaction(async (tx) => {
    if (!(await tx.connections.get(name))) throw notFound('connection', name);
    const uses = await activeUsesOf(tx, name);
    if (uses.length > 0) {
      const list = uses.map((u) => `${u.flow} (version ${u.version})`).join(', ');
      throw conflict(
        `connection ${name} is used by active flow versions: ${list}; change those flows first`,
        {
          flows: uses,
        },
      );
    }
    await tx.connections.delete(name);
  });
}

function assertAdmin(actor: ConnectionActor): void {
  if (!hasRole(actor, 'admin')) throw forbidden('only admins manage connections');
}

function parseInput(raw: ConnectionInputRaw): ConnectionInput {
  const parsed = ConnectionInput.safeParse(raw);
  if (!parsed.success) {
    throw badRequest(
      'invalid connection',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const problem = baseUrlProblem(parsed.data.baseUrl);
  if (problem) throw badRequest(`baseUrl ${problem}`, [{ path: 'baseUrl', message: problem }]);
  const hosts = [...new Set(parsed.data.allowedHosts.map((h) => h.toLowerCase()))];
  return { ...parsed.data, allowedHosts: hosts };
}

/** The secret field of each auth kind (its name in the body). */
const SECRET_FIELD = { bearer: 'token', basic: 'password', header: 'value' } as const;

/**
 * Splits the auth input into what is stored in clear and the sealed secret. Without a new
 * secret, the stored one is kept if the kind did not change; otherwise the secret is required.
 */
function sealAuth(
  key: Buffer,
  name: string,
  input: ConnectionAuthInput,
  stored: ConnectionRow | null,
): { auth: ConnectionAuth; secret: string | null } {
  if (input.kind === 'none') return { auth: { kind: 'none' }, secret: null };
  const auth: ConnectionAuth =
    input.kind === 'basic'
      ? { kind: 'basic', username: input.username }
      : input.kind === 'header'
        ? { kind: 'header', header: input.header }
        : { kind: 'bearer' };
  const field = SECRET_FIELD[input.kind];
  const given = input.kind === 'bearer' ? input.token : input.kind === 'basic' ? input.password : input.value;
  if (given !== undefined) return { auth, secret: sealSecret(key, given, name) };
  if (stored && stored.auth.kind === input.kind && stored.secret !== null)
    return { auth, secret: stored.secret };
  throw badRequest(`auth.${field} is required for ${input.kind} authentication`, [
    { path: `auth.${field}`, message: stored ? 'required when the auth kind changes' : 'required' },
  ]);
}

/** The connection commands bound to one runtime's store, clock and data key. */
export interface ConnectionCommands {
  list(actor: ConnectionActor): Promise<Connection[]>;
  get(actor: ConnectionActor, name: string): Promise<Connection>;
  create(actor: ConnectionActor, input: ConnectionInputRaw): Promise<Connection>;
  update(
    actor: ConnectionActor,
    name: string,
    input: Omit<ConnectionInputRaw, 'name'> & { name?: string },
  ): Promise<Connection>;
  delete(actor: ConnectionActor, name: string): Promise<void>;
}

/** Binds the connection commands to `deps` (the runtime facade exposes them as `connections`). */
export function connectionCommands(deps: ConnectionDeps): ConnectionCommands {
  return {
    list: (actor) => listConnections(deps, actor),
    get: (actor, name) => getConnection(deps, actor, name),
    create: (actor, input) => createConnection(deps, actor, input),
    update: (actor, name, input) => updateConnection(deps, actor, name, input),
    delete: (actor, name) => deleteConnection(deps, actor, name),
  };
}
