import { validateFlow } from '@caseflow/engine';
import type { Problem } from '@caseflow/schema';
import { useDeferredValue, useMemo } from 'react';
import type { FlowDoc } from './flow-document';

/**
 * The problems of the document, recomputed with validateFlow after each edit. Deferred, so
 * typing and dragging stay responsive on large flows while validation catches up.
 */
export function useLiveProblems(doc: FlowDoc): Problem[] {
  const deferred = useDeferredValue(doc);
  return useMemo(() => {
    try {
      return validateFlow(deferred);
    } catch (e) {
      return [
        {
          severity: 'error',
          code: 'schema',
          message: `validation failed: ${(e as Error).message}`,
          path: [],
        },
      ];
    }
  }, [deferred]);
}
