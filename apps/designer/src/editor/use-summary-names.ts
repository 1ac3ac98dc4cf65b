import { useMemo } from 'react';
import { useEditor } from './EditorContext';
import type { SummaryNames } from './node-catalog';
import { useFlowChoices } from './pickers/FlowChoicesContext';

/** Names for node summaries: the flow's tiers by name, staff by display name (when the list is loaded). */
export function useSummaryNames(): SummaryNames {
  const tiers = useEditor((s) => s.doc.tiers);
  const users = useFlowChoices()?.users;
  return useMemo(
    () => ({
      tier: (id) => tiers?.find((x) => x.id === id)?.name ?? id,
      user: (username) => users?.find((u) => u.username === username)?.displayName ?? username,
    }),
    [tiers, users],
  );
}
