import type { Cohort } from '@caseflow/schema';
import type { CustomerRow, PilotRow, Store } from '../store/store';
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
 * active version. 404 for an unknown flow, 422 when it has no version to run. One statement
 * reads the flow and its pilot (flows.launch); `known` is the customer when the caller has read
 * it already.
 */
export async function chooseVersion(
  store: Store,
  flow: string,
  customerId: string | null,
  now: number,
  known?: CustomerRow | null,
): Promise<VersionChoice> {
  const row = await store.flows.launch(flow);
  if (!row) throw notFound('flow', flow);
  const { pilot } = row;
  if (pilot && pilot.status === 'active') {
    const customer =
      known !== undefined && known?.id === customerId
        ? known
        : customerId
          ? await store.customers.get(customerId)
          : null;
    const cohort = cohortFor(pilot, customer, now);
    const version = cohort === 'pilot' ? pilot.version : (pilot.baselineVersion ?? row.activeVersion);
    if (version !== null) return { version, pilot, cohort };
  }
  if (row.activeVersion === null) {
    throw new AppError('flow-invalid', 422, `flow ${flow} has no active version: publish and activate one`);
  }
  return { version: row.activeVersion, pilot: null, cohort: null };
}
