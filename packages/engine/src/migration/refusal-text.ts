import type { MigrationRefusal } from '@caseflow/schema';

type Values = MigrationRefusal['values'];
const v = (values: Values, key: string) => String(values[key] ?? '');

/** The English of each refusal code (the API's `reason`; screens translate the code instead). */
const TEXT: Record<MigrationRefusal['code'], (values: Values) => string> = {
  'not-found': (x) => `no case of flow ${v(x, 'flow')} has this id`,
  'other-version': (x) => `the case is on version ${v(x, 'version')}`,
  closed: (x) => `the case is ${v(x, 'status')}`,
  'unknown-node': (x) => `it waits at "${v(x, 'node')}", which the migration plan does not know`,
  'node-removed': (x) =>
    `it waits at "${v(x, 'node')}", which the new version removed: map it to a node of the new version`,
  'node-changed': (x) =>
    `it waits at "${v(x, 'node')}", which the new version changed: confirm or choose its node`,
  'other-branch': (x) =>
    `"${v(x, 'node')}" would move to "${v(x, 'target')}", which is ${
      x.fork ? `in branch ${v(x, 'branch')} of "${v(x, 'fork')}"` : 'outside any parallel block'
    } in the new version`,
  'task-elsewhere': (x) =>
    `task "${v(x, 'task')}" belongs to "${v(x, 'node')}", which the case does not wait at`,
  'tier-missing': (x) =>
    `task "${v(x, 'task')}" is at tier ${v(x, 'tier')}, which the new version does not have`,
  'votes-decide': (x) =>
    `the ${v(x, 'count')} vote(s) already cast on "${v(x, 'node')}" decide it under the new policy (${v(x, 'policy')}), so it would never move on`,
  'task-sla-missing': (x) =>
    `the SLA clock of "${v(x, 'node')}" is ${v(x, 'status')}, and its node in the new version has no SLA`,
  'case-sla-missing': (x) =>
    `the case SLA clock "${v(x, 'sla')}" is ${v(x, 'status')}, and the new version has no such SLA`,
  'case-sla-pause': (x) =>
    `the case SLA clock "${v(x, 'sla')}" is paused, and the new version does not pause it where the case waits`,
  'cannot-hold': (x) => `the new version cannot hold the case: ${v(x, 'message')}`,
};

/** A refusal in English. Pure. */
export function refusalText(refusal: MigrationRefusal): string {
  return TEXT[refusal.code](refusal.values);
}

/** A refusal of `code` with `values` (a small constructor that keeps call sites short). */
export function refusal(code: MigrationRefusal['code'], values: Values = {}): MigrationRefusal {
  return { code, values };
}
