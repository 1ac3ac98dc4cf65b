import { z } from 'zod';
import { SurveyKind } from './flow';
import { Channel } from './primitives';

// Readable case numbers (DESIGN §8) and what a customer sees of a case (DESIGN §8 "Visibility").

/** The display form of a case number: `REQ-` and at least six digits (REQ-000123, REQ-1234567). */
export function formatCaseNumber(n: number): string {
  return `REQ-${String(n).padStart(6, '0')}`;
}

/**
 * The case number a search text names, or null: `REQ-000123`, `req-123`, `#123` or `123`
 * (surrounding spaces ignored). Pure.
 */
export function parseCaseNumber(text: string): number | null {
  const m = /^\s*(?:req-?|#)?0*(\d{1,15})\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A due time as a customer reads it: what it is for, when, and whether it is kept. */
export const CustomerDue = z.object({
  /** `response`: the first answer; `resolution`: the whole request (case clocks only). */
  kind: z.enum(['response', 'resolution']),
  dueAt: z.string().nullable(),
  /** The promise as a duration (the SLA's target, ISO 8601: `PT1H`), counted on its calendar. */
  within: z.string(),
  /** on-track, at-risk (warned), overdue (breached), paused (waiting for you), met. */
  state: z.enum(['on-track', 'at-risk', 'overdue', 'paused', 'met']),
});
export type CustomerDue = z.infer<typeof CustomerDue>;

/** A case in a customer's list of requests: nothing internal (no flow, version, tier or cohort). */
export const CustomerCaseItem = z.object({
  id: z.string(),
  number: z.string().nullable(),
  /** Their own customer id. */
  customerId: z.string().nullable(),
  subject: z.string(),
  status: z.enum(['open', 'resolved', 'cancelled', 'rejected', 'failed']),
  channel: Channel,
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CustomerCaseItem = z.infer<typeof CustomerCaseItem>;

/**
 * GET /cases/:id as a customer sees their own case: the number, subject and status, the title of
 * the step it is at, due times in plain terms and the surveys sent to them. Internal tasks,
 * tiers, groups, versions, pilot cohorts and variables are left out.
 */
export const CustomerCase = CustomerCaseItem.extend({
  /** The flow's customer label of the step the case is at, or null (show a neutral status). */
  step: z.string().nullable(),
  dues: z.array(CustomerDue),
  surveys: z.array(
    z.object({
      kind: SurveyKind,
      token: z.string().optional(),
      answered: z.boolean(),
      score: z.number().nullable(),
    }),
  ),
  /**
   * A closed request: until when a message from the customer picks it up again (a follow-up
   * case on the same flow, linked to this one); null while open, or when that time has passed.
   */
  reopenUntil: z.string().nullable(),
  /** A closed request they wrote on again: the open request that continues it (write there). */
  continuedIn: z.object({ id: z.string(), number: z.string().nullable() }).nullable(),
  /** Whether they may withdraw it now: open, opened by them, no internal work of it under way. */
  mayWithdraw: z.boolean(),
});
export type CustomerCase = z.infer<typeof CustomerCase>;
