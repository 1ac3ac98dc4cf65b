import type { Cohort, PilotWorkforceFigures } from '@caseflow/schema';
import type { CaseFactRow, TaskFactRow, TimelineRow } from '../store/store';

/** Routing's entries a pilot report reads (of the pilot's cases). */
export const PILOT_WORKFORCE_TYPES = ['task.assigned', 'task.declined', 'task.offer-expired'];

/** One cohort's figures and the samples its comparisons test. */
export interface CohortWorkforce {
  figures: PilotWorkforceFigures;
  /** Each assignment's wait for an agent (ms). */
  waits: number[];
  /** Each worked case's agent time (ms). */
  agentTimes: number[];
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil(s.length / 2) - 1] ?? null;
}

/**
 * The workforce side of a pilot per cohort (DESIGN §12 in pilots): routing's assignments
 * (with the time each task had waited) and declines or lapsed offers of the cohort's tasks,
 * from `entries`; and agent time per case, from the cases' tasks: claim → close (→ `now` while
 * still held), summed per case. That agent time is the part of occupancy a cohort can be
 * charged with; occupancy itself is per agent, who works both cohorts. Pure.
 */
export function pilotWorkforce(
  cases: readonly CaseFactRow[],
  tasks: ReadonlyMap<string, readonly TaskFactRow[]>,
  entries: readonly TimelineRow[],
  now: number,
): Record<Cohort, CohortWorkforce> {
  const cohortOf = new Map(cases.map((c) => [c.id, c.cohort]));
  const empty = (): CohortWorkforce => ({
    figures: { assignments: 0, declines: 0, assignmentWaitMs: null, agentTimeMs: 0, casesWorked: 0 },
    waits: [],
    agentTimes: [],
  });
  const out: Record<Cohort, CohortWorkforce> = { pilot: empty(), control: empty() };
  for (const e of entries) {
    const cohort = cohortOf.get(e.caseId);
    if (!cohort) continue;
    const w = out[cohort];
    if (e.type === 'task.assigned') {
      w.figures.assignments++;
      w.waits.push(typeof e.data.waitedMs === 'number' ? e.data.waitedMs : 0);
    } else if (e.type === 'task.declined' || e.type === 'task.offer-expired') {
      w.figures.declines++;
    }
  }
  for (const c of cases) {
    if (!c.cohort) continue;
    let held = 0;
    let worked = false;
    for (const t of tasks.get(c.id) ?? []) {
      if (t.claimedAt === null) continue;
      worked = true;
      held += Math.max(0, (t.closedAt ?? now) - t.claimedAt);
    }
    if (!worked) continue;
    const w = out[c.cohort];
    w.agentTimes.push(held);
    w.figures.agentTimeMs += held;
    w.figures.casesWorked++;
  }
  for (const w of Object.values(out)) w.figures.assignmentWaitMs = median(w.waits);
  return out;
}
