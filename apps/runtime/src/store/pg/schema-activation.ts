import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ActivationStatus } from '../activation-store';

/*
 * Requests to activate a flow version on PostgreSQL (sqlite/schema-activation.ts is the same table).
 * Generate with `npx drizzle-kit generate --config drizzle.pg.config.ts`.
 */
export const activationRequests = pgTable(
  'activation_requests',
  {
    id: text('id').primaryKey(),
    flow: text('flow').notNull(),
    version: integer('version').notNull(),
    status: text('status').$type<ActivationStatus>().notNull(),
    note: text('note').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: bigint('requested_at', { mode: 'number' }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: bigint('decided_at', { mode: 'number' }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('activation_requests_flow_idx').on(t.flow, t.requestedAt),
    index('activation_requests_status_idx').on(t.status, t.requestedAt),
    // One pending request per version: a second ask would only be noise in the admins' list.
    uniqueIndex('activation_requests_pending_uq').on(t.flow, t.version).where(sql`status = 'pending'`),
  ],
);
