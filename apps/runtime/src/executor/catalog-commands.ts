import { formSchemaErrors } from '@caseflow/engine';
import type { CatalogItemBody } from '@caseflow/schema';
import { hasRole } from '../auth/roles';
import type { CatalogItemRow } from '../store/store';
import { actingUser } from './acting-user';
import { badRequest, forbidden } from './errors';
import { assertSegments } from './profile-condition';
import type { RuntimeCore } from './runtime-core';
import type { Actor } from './types';

/**
 * Creates or replaces a catalog item in one transaction: owners and admins only (403); its
 * flow must exist (400) and not be internal — a subflow is never offered to requesters (400);
 * its form's patterns must be usable (400 naming each field).
 */
export function saveCatalogItem(
  core: RuntimeCore,
  key: string,
  body: CatalogItemBody,
  actor: Actor,
): Promise<CatalogItemRow> {
  return core.store.transaction(async (tx) => {
    if (!hasRole(await actingUser(tx, actor), 'owner')) throw forbidden('only owners edit the catalog');
    const flow = await tx.flows.get(body.flow);
    if (!flow) throw badRequest(`unknown flow ${body.flow}`, [{ path: 'flow', message: 'unknown flow' }]);
    if (flow.kind === 'subflow') {
      throw badRequest(`flow ${body.flow} is a subflow: internal flows are not offered in the catalog`, [
        { path: 'flow', message: 'internal flow' },
      ]);
    }
    if (body.audience?.segment)
      assertSegments([{ path: 'audience.segment', expression: body.audience.segment }]);
    const formErrors = formSchemaErrors(body.form);
    if (formErrors.length > 0) {
      throw badRequest(
        'the form has patterns that cannot be used',
        formErrors.map((e) => ({ path: `form.properties.${e.field}.pattern`, message: e.message })),
      );
    }
    return tx.catalog.upsert({ ...body, key, updatedAt: core.clock.now() });
  });
}
