import { and, type Column, eq } from 'drizzle-orm';
import { afterCursor, type Cursor } from './paging';
import type { IncidentQuery } from './store';

type IncidentCols = { [P in 'id' | 'caseId' | 'status' | 'createdAt']: Column };

/** Filters of incidents.list after the page `cursor` (newest first); shared by both dialects. */
export function incidentListWhere(i: IncidentCols, q: IncidentQuery, cursor: Cursor | null) {
  return and(
    q.status === undefined ? undefined : eq(i.status, q.status),
    q.caseId === undefined ? undefined : eq(i.caseId, q.caseId),
    afterCursor(i.createdAt, i.id, cursor, 'desc'),
  );
}
