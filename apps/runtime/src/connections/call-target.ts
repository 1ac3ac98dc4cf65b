import { ConnectionAuth, isCredentialHeader } from '@caseflow/schema';
import type { Store } from '../store/store';
import { joinUnderBase } from './connection-url';
import { openSecret } from './secret-box';

/** Where a connection call goes and the headers its connection adds (credentials included). */
export type CallTarget =
  | { ok: true; url: string; headers: Record<string, string> }
  | { ok: false; error: string };

/** Resolves a connection call at delivery time, the only moment a secret is decrypted. */
export type CallTargetResolver = (connection: string, path: string) => Promise<CallTarget>;

/**
 * Builds the delivery-time resolver: reads the connection, joins its base URL and the call's
 * rendered path under the rules of connection-url.ts, opens the sealed secret with the data
 * key and answers the auth header to add. Never throws; errors name the connection and the
 * reason, never the secret.
 */
export function callTargetResolver(store: Store, dataKey: Buffer): CallTargetResolver {
  return async (name, path) => {
    const row = await store.connections.get(name);
    if (!row) return { ok: false, error: `connection ${name} does not exist` };
    const joined = joinUnderBase(row, path);
    if (!joined.ok) return { ok: false, error: `connection ${name}: ${joined.error}` };
    const auth = ConnectionAuth.safeParse(row.auth);
    if (!auth.success) return { ok: false, error: `connection ${name}: unreadable auth settings` };
    let secret = '';
    if (auth.data.kind !== 'none') {
      if (row.secret === null) return { ok: false, error: `connection ${name}: no secret stored` };
      try {
        secret = openSecret(dataKey, row.secret, name);
      } catch (error) {
        return {
          ok: false,
          error: `connection ${name}: cannot open its secret (${(error as Error).message})`,
        };
      }
    }
    return { ok: true, url: joined.url.toString(), headers: authHeaders(auth.data, secret) };
  };
}

function authHeaders(auth: ConnectionAuth, secret: string): Record<string, string> {
  switch (auth.kind) {
    case 'none':
      return {};
    case 'bearer':
      return { authorization: `Bearer ${secret}` };
    case 'basic':
      return {
        authorization: `Basic ${Buffer.from(`${auth.username}:${secret}`, 'utf8').toString('base64')}`,
      };
    case 'header':
      return { [auth.header.toLowerCase()]: secret };
  }
}

/**
 * Headers a flow wrote itself, minus those that look like credentials: a connection call's
 * credentials come from its connection only, so a flow cannot override or add to them.
 */
export function flowHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !isCredentialHeader(name)));
}
