import { useEffect, useState } from 'react';
import { api } from '../auth/session';

/**
 * The names of the connections, for the http node's picker; null while loading or when the
 * user may not list them (connections are admin-only: owners type the name an admin gave them,
 * and validation names an unknown one).
 */
export function useConnectionNames(): string[] | null {
  const [names, setNames] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    api.listConnections().then(
      (r) => {
        if (live) setNames(r.items.map((c) => c.name));
      },
      () => {
        if (live) setNames(null);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return names;
}
