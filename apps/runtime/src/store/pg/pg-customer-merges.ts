import { desc, eq, or, sql } from 'drizzle-orm';
import type { Store } from '../store';
import type { PgDbOf } from './pg-db';
import { cases, customers, messages, surveys, users } from './schema';
import { chatVisitors } from './schema-chat-visitors';
import { customerMerges } from './schema-customer-merges';
import { kbFeedback, kbViews } from './schema-kb';

/** Contact merges on PostgreSQL (customer-merge-store.ts). */
export function pgCustomerMerges(db: PgDbOf): Pick<Store, 'customerMerges'> {
  return {
    customerMerges: {
      async apply(merge) {
        const { sourceId: from, targetId: to, at } = merge;
        const moved = await db()
          .update(cases)
          .set({ customerId: to })
          .where(eq(cases.customerId, from))
          .returning({ id: cases.id });
        await db().update(messages).set({ customerId: to }).where(eq(messages.customerId, from));
        await db().update(surveys).set({ customerId: to }).where(eq(surveys.customerId, from));
        await db().update(chatVisitors).set({ customerId: to }).where(eq(chatVisitors.customerId, from));
        await db().update(kbViews).set({ customerId: to }).where(eq(kbViews.customerId, from));
        await db().update(kbFeedback).set({ customerId: to }).where(eq(kbFeedback.customerId, from));
        await db().update(users).set({ customerId: to }).where(eq(users.customerId, from));
        await db().update(customers).set({ mergedInto: to }).where(eq(customers.mergedInto, from));
        await db()
          .update(customers)
          .set({ mergedInto: to, mergedAt: at, updatedAt: at })
          .where(eq(customers.id, from));
        const row = { ...merge, cases: moved.length };
        await db().insert(customerMerges).values(row);
        return row;
      },
      async lock(ids) {
        if (ids.length === 0) return [];
        // In id order: two merges of the same pair (either way round) queue instead of deadlocking.
        return db()
          .select()
          .from(customers)
          .where(sql`${customers.id} = any(${sql.param([...ids])}::text[])`)
          .orderBy(customers.id)
          .for('update');
      },
      async listFor(customerId, limit) {
        return db()
          .select()
          .from(customerMerges)
          .where(or(eq(customerMerges.sourceId, customerId), eq(customerMerges.targetId, customerId)))
          .orderBy(desc(customerMerges.at), desc(customerMerges.sourceId))
          .limit(limit);
      },
    },
  };
}
