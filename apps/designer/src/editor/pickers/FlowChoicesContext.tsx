import type { FlowChoices } from '@caseflow/schema';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { api } from '../../auth/session';

const Context = createContext<FlowChoices | null>(null);

/** Gives the editor's pickers what the installation offers (null: not known, pickers fall back to text). */
export function FlowChoicesProvider({
  choices,
  children,
}: {
  choices: FlowChoices | null;
  children: ReactNode;
}) {
  return <Context.Provider value={choices}>{children}</Context.Provider>;
}

/** The groups, calendars, templates, connections and flows a flow may name; null while unknown. */
export function useFlowChoices(): FlowChoices | null {
  return useContext(Context);
}

/**
 * Loads GET /api/flow-choices once per editor. A failed load leaves null: every picker then
 * takes typed text, so an editor without the list still works.
 */
export function useLoadedFlowChoices(): FlowChoices | null {
  const [choices, setChoices] = useState<FlowChoices | null>(null);
  useEffect(() => {
    let live = true;
    api.flowChoices().then(
      (c) => {
        if (live) setChoices(c);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return choices;
}
