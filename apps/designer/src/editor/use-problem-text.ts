import type { Problem } from '@caseflow/schema';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/use-t';
import { useOptionalEditorStore } from './EditorContext';
import { type ProblemText, problemText } from './problem-text';

/** `text(problem)`: an engine problem's message and hint in the current language. */
export function useProblemText(): (p: Problem) => ProblemText {
  const t = useT();
  const intl = useIntl();
  const editor = useOptionalEditorStore();
  return useCallback(
    (p: Problem) => problemText(p, t, (id) => intl.messages[id] !== undefined, editor?.getState().doc),
    [t, intl, editor],
  );
}
