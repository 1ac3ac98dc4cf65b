import type { Cohort, PilotKbFigures } from '@caseflow/schema';
import { cohortFor } from '../executor/pilot-cohort';
import { DEFLECTION_WINDOW_MS, figuresOf } from '../kb/kb-metrics';
import type { CaseFactRow, PilotRow, Store } from '../store/store';

/** The knowledge base's figures of each cohort of a pilot. */
export interface PilotKb {
  pilot: PilotKbFigures;
  control: PilotKbFigures;
}

/**
 * Article views, votes and deflections of each cohort's customers while the pilot ran (from
 * its creation to its end, or `now`), so that a version that sends articles can be compared
 * with the baseline. A customer's cohort is the one their cases of the pilot have, else the
 * one the pilot would give them (cohorts are sticky); requests are each cohort's top-level
 * cases of the pilot. Reads the votes, the per-customer view counts of the window and the
 * profiles of readers without a case in the pilot once each.
 */
export async function pilotKb(
  store: Store,
  pilot: PilotRow,
  pilotCases: readonly CaseFactRow[],
  now: number,
): Promise<PilotKb> {
  const from = pilot.createdAt;
  const to = pilot.endedAt ?? now;
  const [votes, views, cases] = await Promise.all([
    store.kb.feedback(from, to),
    store.kb.customerViewCounts(from, to),
    store.analytics.caseFacts({ createdFrom: from, createdTo: to + DEFLECTION_WINDOW_MS }),
  ]);
  const cohorts = new Map<string, Cohort>();
  for (const c of pilotCases) if (c.customerId && c.cohort) cohorts.set(c.customerId, c.cohort);
  // Readers without a case in the pilot get the cohort it would give them: one read for all.
  const readers = [...votes.map((v) => v.customerId), ...views.map((v) => v.customerId)];
  const unplaced = [...new Set(readers)].filter((id): id is string => !!id && !cohorts.has(id));
  const profiles = new Map((await store.customers.getMany(unplaced)).map((c) => [c.id, c]));
  const cohortOf = (customerId: string): Cohort => {
    let cohort = cohorts.get(customerId);
    if (cohort === undefined) {
      cohort = cohortFor(pilot, profiles.get(customerId) ?? null, now);
      cohorts.set(customerId, cohort);
    }
    return cohort;
  };
  const side = () => ({ votes: [] as typeof votes, views: 0, requests: 0 });
  const by = { pilot: side(), control: side() };
  for (const vote of votes) if (vote.customerId) by[cohortOf(vote.customerId)].votes.push(vote);
  for (const v of views) by[cohortOf(v.customerId)].views += v.views;
  for (const c of pilotCases) if (c.cohort && c.parentCaseId === null) by[c.cohort].requests++;
  const figures = (s: ReturnType<typeof side>) => ({
    ...figuresOf(s.votes, s.views, s.requests, cases),
    requests: s.requests,
  });
  return { pilot: figures(by.pilot), control: figures(by.control) };
}
