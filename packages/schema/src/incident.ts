import { z } from 'zod';

// Incidents (DESIGN §8): an event, timer or delivery that failed for a reason the flow does
// not model. Field names are contracts.

export const IncidentKind = z.enum(['expression', 'timer', 'delivery', 'internal']);
export type IncidentKind = z.infer<typeof IncidentKind>;
export const IncidentStatus = z.enum(['open', 'resolved']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** An incident as GET /api/incidents lists it; `source` says what a retry re-runs. */
export const Incident = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  nodeId: z.string().nullable(),
  kind: IncidentKind,
  message: z.string(),
  status: IncidentStatus,
  attempts: z.number().int(),
  /** `command` (with its name), `timer`, `http.result`, `outbox` or `unknown`. */
  source: z.object({ type: z.string(), command: z.string().optional() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type Incident = z.infer<typeof Incident>;

/** What the staff Case resource shows of each open incident. */
export const IncidentRef = Incident.pick({ id: true, kind: true, message: true, nodeId: true });
export type IncidentRef = z.infer<typeof IncidentRef>;

/** Longest note an admin may leave when resolving. */
export const INCIDENT_NOTE_MAX = 2000;
export const IncidentResolve = z.object({
  note: z.string().trim().min(1, 'a note is required').max(INCIDENT_NOTE_MAX),
});
export type IncidentResolve = z.infer<typeof IncidentResolve>;
