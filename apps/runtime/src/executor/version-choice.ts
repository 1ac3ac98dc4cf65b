import type { Cohort } from '@caseflow/schema';
import type { PilotRow, Store } from '../store/store';
import { AppError, notFound } from './errors';
import { cohortFor } from './pilot-cohort';

export interface VersionChoice {
  version: number;
  pilot: PilotRow | null;
  cohort: Cohort | null;
}

/**
 * The version a new case of `flow` runs: the pilot's candidate for the pilot cohort of the
 * flow's active pilot, the baseline (or active) version for its control cohort, else the
 * active version. 404 for an unknown flow, 422 when it has no version to run.
 */
export async function chooseVersion(
  store: Store,
  flow: string,
  customerId: string | null,
  now: number,
): Promise<VersionChoice> {
  const row = await store.flows.get(flow);
  if (!row) throw notFound('flow', flow);
  const pilot = await store.pilots.activeFor(flow);
  if (pilot && pilot.status === 'active') {
    const customer = customerId ? await store.customers.get(customerId) : null;
    const cohort = cohortFor(pilot, customer, now);
    const version = cohort === 'pilot' ? pilot.version : (pilot.baselineVersion ?? row.activeVersion);
    if (version !== null) return { version, pilot, cohort };
  }
  if (row.activeVersion === null) {
    throw new AppError('flow-invalid', 422, `flow ${flow} has no active version: publish and activate one`);
  }
  return { version: row.activeVersion, pilot: null, cohort: null };
}
