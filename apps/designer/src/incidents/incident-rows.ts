import type { Incident } from '@caseflow/schema';
import { formatSpan } from '../components/format';

/** One incident as the incidents table shows it. */
export interface IncidentRowView {
  id: string;
  caseId: string | null;
  node: string;
  kind: Incident['kind'];
  message: string;
  attempts: number;
  /** "3h 05m" since it was opened (at `now`). */
  age: string;
  /** What a retry re-runs: "signal", "timer", "outbox"… */
  source: string;
  open: boolean;
}

/** The incidents of a page as table rows, at `now` (epoch ms). Pure. */
export function incidentRows(items: readonly Incident[], now: number): IncidentRowView[] {
  return items.map((i) => ({
    id: i.id,
    caseId: i.caseId,
    node: i.nodeId ?? '—',
    kind: i.kind,
    message: i.message,
    attempts: i.attempts,
    age: formatSpan(Math.max(0, now - Date.parse(i.createdAt))),
    source: i.source.command ?? i.source.type,
    open: i.status === 'open',
  }));
}
