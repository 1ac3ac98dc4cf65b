import type { NodeType } from '@caseflow/schema';
import type { ComponentType } from 'react';
import { ActionProperties } from './ActionProperties';
import type { NodePanelProps } from './node-panel';
import { ApprovalPanel } from './nodes/ApprovalPanel';
import { BranchPanel } from './nodes/BranchPanel';
import { DecisionPanel } from './nodes/DecisionPanel';
import { EndPanel } from './nodes/EndPanel';
import { NotifyPanel } from './nodes/NotifyPanel';
import { StartPanel } from './nodes/StartPanel';
import { SubflowPanel } from './nodes/SubflowPanel';
import { SurveyPanel } from './nodes/SurveyPanel';
import { TaskPanel } from './nodes/TaskPanel';
import { TimerPanel } from './nodes/TimerPanel';
import { WaitPanel } from './nodes/WaitPanel';

/**
 * The properties panel of each node type, as node-catalog.ts holds each type's look: a new
 * node type adds its panel here, and the typecheck refuses a type without one.
 */
export const NODE_PANELS: { readonly [T in NodeType]: ComponentType<NodePanelProps<T>> } = {
  start: StartPanel,
  end: EndPanel,
  task: TaskPanel,
  approval: ApprovalPanel,
  action: ActionProperties,
  decision: DecisionPanel,
  wait: WaitPanel,
  timer: TimerPanel,
  subflow: SubflowPanel,
  parallel: BranchPanel,
  join: BranchPanel,
  notify: NotifyPanel,
  survey: SurveyPanel,
};

/** The panel of a node's type, typed for any node (the registry pairs each type with its own). */
export function panelOf(type: NodeType): ComponentType<NodePanelProps> {
  return NODE_PANELS[type] as ComponentType<NodePanelProps>;
}
