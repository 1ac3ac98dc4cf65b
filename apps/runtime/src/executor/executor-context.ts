import type { Router } from '../routing/router';
import type { CompiledFlows } from './compiled-flows';
import type { Logger } from './types';

/** What event transactions share across the runtime: caches, settings, the logger. */
export interface ExecutorContext {
  compiled: CompiledFlows;
  logger: Logger;
  /** Allow-listed settings visible to FEEL as `env`. */
  flowEnv: Record<string, string>;
  /** Routing (DESIGN §12): hands tasks to agents inside the event transactions. */
  router?: Router;
  /** The domain our outgoing mail's Message-IDs end in (CASEFLOW_MAIL_FROM's). */
  mailDomain?: string;
  /** The deployment's address for links in messages (CASEFLOW_PUBLIC_URL); relative links without it. */
  publicUrl?: string;
  /**
   * How long after closing a customer's message picks their case up again, by mail or on the
   * portal (CASEFLOW_MAIL_REOPEN_DAYS); without it a closed case is never reopened.
   */
  reopenWithinMs?: number;
}
