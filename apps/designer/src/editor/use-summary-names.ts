import { useMemo } from 'react';
import { useT } from '../i18n/use-t';
import { useEditor } from './EditorContext';
import type { SummaryNames } from './node-catalog';
import { useFlowChoices } from './pickers/FlowChoicesContext';
import { recipientWords } from './recipient-words';

/**
 * Names for node summaries: the flow's tiers by name, staff by display name and child flows
 * by name (when the installation's lists are loaded), recipients in words.
 */
export function useSummaryNames(): SummaryNames {
  const t = useT();
  const tiers = useEditor((s) => s.doc.tiers);
  const choices = useFlowChoices();
  return useMemo(() => {
    const tier = (id: string) => tiers?.find((x) => x.id === id)?.name ?? id;
    const user = (username: string) =>
      choices?.users.find((u) => u.username === username)?.displayName ?? username;
    return {
      tier,
      user,
      recipient: (to) => recipientWords(to, t, { tier, user }),
      flow: (key) => choices?.flows.find((f) => f.key === key)?.name ?? key,
    };
  }, [tiers, choices, t]);
}
