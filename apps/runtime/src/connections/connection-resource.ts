import { type Connection, ConnectionAuth } from '@caseflow/schema';
import type { ConnectionRow } from '../store/store';

/**
 * A connection row as the API answers it: the non-secret auth settings and `"secret": "set"`
 * when a sealed secret is stored — never the secret, sealed or not.
 */
export function toConnection(row: ConnectionRow): Connection {
  const auth = ConnectionAuth.safeParse(row.auth);
  return {
    name: row.name,
    baseUrl: row.baseUrl,
    allowedHosts: row.allowedHosts,
    description: row.description,
    auth: auth.success ? auth.data : { kind: 'none' },
    ...(row.secret !== null ? { secret: 'set' as const } : {}),
    updatedBy: row.updatedBy,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
