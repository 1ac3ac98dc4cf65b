import { Migration, MigrationRequest } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { actorOf } from '../auth/access';
import { requireRole } from '../auth/roles';
import type { AppDeps, Router } from './context';
import { bearer, errorResponses, IdParam, json, jsonBody, KeyParam, newRouter } from './openapi';

const tags = ['migrations'];
const admin = requireRole('admin');

const route = <T extends Parameters<typeof createRoute>[0]>(config: T) =>
  createRoute({ tags, security: bearer, ...config });

const start = route({
  method: 'post',
  path: '/flows/{key}/migrations',
  summary:
    'Move running cases to another version: every selected case is planned or refused with its reasons; a dry run stops there, otherwise the planned cases move in the background, each in its own transaction',
  middleware: [admin] as const,
  request: { params: KeyParam, body: jsonBody(MigrationRequest) },
  responses: {
    200: json(Migration, 'the dry run: what would move and what is refused, and why'),
    202: json(Migration, 'the migration is recorded and its cases are moving; follow it with GET'),
    ...errorResponses,
  },
});
const get = route({
  method: 'get',
  path: '/flows/{key}/migrations/{id}',
  summary: 'A migration with its progress: planned, migrated, pending and refused cases',
  middleware: [admin] as const,
  request: { params: KeyParam.merge(IdParam) },
  responses: { 200: json(Migration, 'the migration'), ...errorResponses },
});

/** Migration of running cases (DESIGN §13); the admin check is also inside the command. */
export function migrationsRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(start, async (c) => {
    const migration = await runtime.startMigration(
      c.req.valid('param').key,
      c.req.valid('json'),
      actorOf(c.get('user')!),
    );
    return migration.dryRun ? c.json(migration, 200) : c.json(migration, 202);
  });
  r.openapi(get, async (c) => {
    const { key, id } = c.req.valid('param');
    return c.json(await runtime.getMigration(key, id), 200);
  });
  return r;
}
