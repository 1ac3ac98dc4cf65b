import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config';
import type { Runtime } from '../executor/types';
import type { Logger } from '../logger';
import type { UserRow } from '../store/store';
import type { Metrics } from './prometheus';

/** What every route module receives: the runtime facade and process-wide services. */
export interface AppDeps {
  runtime: Runtime;
  config: Config;
  logger: Logger;
  metrics: Metrics;
}

/** Per-request variables set by the middleware chain. */
export interface AppVariables {
  requestId: string;
  /** The signed-in user, loaded from the store on every request (null when anonymous). */
  user: UserRow | null;
  /** The session the bearer token names (null when anonymous). */
  sessionId: string | null;
  /** Why `user` is null (no header, malformed header, invalid or expired token). */
  authError: string;
}

/** The Hono environment of every router in this package. */
export interface AppEnv {
  Variables: AppVariables;
}

/** An OpenAPI-aware router with our environment. */
export type Router = OpenAPIHono<AppEnv>;
