import type { EffectOf } from '@caseflow/schema';
import type { CaseSession, LiveCase } from './case-session';
import { RUNTIME_TIMELINE_TYPES } from './effect-applier';
import { AppError } from './errors';
import { chooseVersion } from './version-choice';

type CaseEffect = EffectOf<'subflow.start' | 'customer.update' | 'variables.set' | 'case.close' | 'audit'>;

/**
 * Effects on the case itself and its surroundings: subflow children, the customer profile,
 * the variables mirror, closing, and the engine's own timeline entries.
 */
export async function applyCaseEffect(
  session: CaseSession,
  live: LiveCase,
  effect: CaseEffect,
  actor: string,
): Promise<void> {
  const { tx, now } = session;
  const row = live.row;
  switch (effect.type) {
    case 'subflow.start': {
      const parent = { caseId: row.id, nodeId: effect.nodeId, childId: effect.childId };
      let choice: Awaited<ReturnType<typeof chooseVersion>>;
      try {
        choice = await chooseVersion(tx, effect.flow, row.customerId, now);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // The parent must not hang on a child that can never start: it hears "failed" at once.
        session.record(live, {
          type: 'subflow.failed',
          actor,
          nodeId: effect.nodeId,
          data: { childId: effect.childId, flow: effect.flow, error: error.message },
        });
        session.enqueue(
          row.id,
          {
            type: 'subflow.done',
            childId: effect.childId,
            outcome: 'failed',
            result: { error: error.message },
          },
          actor,
          true,
        );
        return;
      }
      const child = await session.open({
        flow: effect.flow,
        version: choice.version,
        pilotId: choice.pilot?.id ?? null,
        cohort: choice.cohort,
        customerId: row.customerId,
        channel: row.channel,
        subject: row.subject,
        priority: row.priority,
        variables: effect.input,
        actor,
        parent,
      });
      session.record(live, {
        type: 'subflow.started',
        actor,
        nodeId: effect.nodeId,
        data: {
          childId: effect.childId,
          childCaseId: child.row.id,
          flow: effect.flow,
          version: choice.version,
        },
      });
      return;
    }
    case 'customer.update': {
      if (!row.customerId) return;
      const customer = await tx.customers.get(row.customerId);
      if (!customer) return;
      const tags = customer.tags.filter((t) => !effect.removeTags.includes(t));
      for (const tag of effect.addTags) if (!tags.includes(tag)) tags.push(tag);
      await tx.customers.update(
        customer.id,
        { attributes: { ...customer.attributes, ...effect.attributes }, tags },
        now,
      );
      session.record(live, {
        type: 'customer.updated',
        actor,
        nodeId: effect.nodeId,
        data: {
          attributes: Object.keys(effect.attributes),
          addTags: effect.addTags,
          removeTags: effect.removeTags,
        },
      });
      return;
    }
    case 'variables.set': {
      // The session's first set copies the variables; later ones change that copy in place
      // (a chain of N sets copied N ever larger maps).
      const variables = live.ownVariables === row.variables ? row.variables : { ...row.variables };
      Object.assign(variables, effect.values);
      live.ownVariables = variables;
      live.row = { ...row, variables };
      live.dirty = true;
      return;
    }
    case 'case.close':
      live.row = { ...row, status: effect.outcome, closedAt: row.closedAt ?? now };
      live.dirty = true;
      session.record(live, {
        type: 'case.closed',
        actor,
        nodeId: effect.nodeId,
        public: true,
        data: { outcome: effect.outcome },
      });
      return;
    case 'audit':
      if (RUNTIME_TIMELINE_TYPES.has(effect.entry.type)) return;
      session.record(live, {
        type: effect.entry.type,
        actor,
        ...(effect.entry.nodeId ? { nodeId: effect.entry.nodeId } : {}),
        data: effect.entry.data,
      });
      return;
  }
}
