import type { RuntimeProcess } from './runtime-process';

/*
 * The flows the migration tests move cases between (HTTP scenario and browser test):
 *
 *   v1: start → triage (task, service desk, SLA 4h) → approve (marco + nora, quorum 2) → closed
 *   v2: start → check  (task, service desk, SLA 4h) → approve (anyone of them)          → closed
 */
export type Json = Record<string, unknown>;
const task = (id: string, title: string) => ({
  id,
  type: 'task',
  title,
  assign: { group: 'service-desk' },
  outcomes: ['done'],
  sla: { target: 'PT4H' },
});
const approval = (policy: Json) => ({
  id: 'approve',
  type: 'approval',
  title: 'Approve the repair',
  approvers: { users: ['marco', 'nora'] },
  policy,
});
const flow = (first: Json, policy: Json) => ({
  key: 'repair',
  name: 'Repair request',
  kind: 'case',
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'case' } },
    first,
    approval(policy),
    { id: 'closed', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: first.id },
    { from: first.id, to: 'approve', on: 'done' },
    { from: 'approve', to: 'closed', on: 'approved' },
    { from: 'approve', to: 'closed', on: 'rejected' },
  ],
});
export const V1 = flow(task('triage', 'Triage the request'), { kind: 'quorum', count: 2 });
export const V2 = flow(task('check', 'Check the request'), { kind: 'any' });
/** triage → check, and the changed approval confirmed. */
export const MAPPING = { triage: 'check', approve: 'approve' };

/** Saves and publishes `definition` as olivia; answers the version. */
export async function publishRepair(rt: RuntimeProcess, definition: Json): Promise<number> {
  const saved = await rt.api('PUT', '/api/flows/repair', { as: 'olivia', body: { definition } });
  if (saved.status !== 200) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body)}`);
  const published = await rt.api('POST', '/api/flows/repair/publish', { as: 'olivia', body: {} });
  if (published.status !== 201)
    throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body.version;
}

/** The open or claimed tasks of a case. */
export async function openTasks(rt: RuntimeProcess, caseId: string): Promise<Json[]> {
  const res = await rt.api('GET', `/api/tasks?case=${caseId}&limit=100`, { as: 'admin' });
  return res.body.items.filter((t: Json) => t.status === 'open' || t.status === 'claimed');
}

async function complete(rt: RuntimeProcess, taskId: unknown, as: string, outcome: string): Promise<Json> {
  const res = await rt.api('POST', `/api/tasks/${taskId}/complete`, { as, body: { outcome } });
  if (res.status !== 200) throw new Error(`complete ${taskId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Opens `total` repair cases for carla; the first `voted` get past triage and marco's approval
 * vote, so they wait at the approval with one vote cast. Answers all ids and the voted ones.
 */
export async function openRepairCases(
  rt: RuntimeProcess,
  total: number,
  voted: number,
): Promise<{ ids: string[]; voted: string[] }> {
  const ids: string[] = [];
  for (let i = 0; i < total; i++) {
    const opened = await rt.api('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'repair', customerId: 'c-1001', channel: 'phone', subject: `repair ${i}` },
    });
    if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
    ids.push(opened.body.id);
  }
  for (const id of ids.slice(0, voted)) {
    const [triage] = await openTasks(rt, id);
    await complete(rt, triage!.id, 'lena', 'done');
    const ballot = (await openTasks(rt, id)).find((t) => t.assignee === 'marco');
    await complete(rt, ballot!.id, 'marco', 'approve');
  }
  return { ids, voted: ids.slice(0, voted) };
}

/** Works a migrated case to its end on v2: lena checks it, nora's one approval decides. */
export async function finishOnV2(rt: RuntimeProcess, caseId: string): Promise<Json> {
  const [check] = await openTasks(rt, caseId);
  if (check?.nodeId !== 'check')
    throw new Error(`case ${caseId} is not at "check": ${JSON.stringify(check)}`);
  await complete(rt, check.id, 'lena', 'done');
  const ballot = (await openTasks(rt, caseId)).find((t) => t.assignee === 'nora');
  return complete(rt, ballot!.id, 'nora', 'approve');
}
