export {
  addBusinessMs,
  dueAt,
  elapsedMs,
  elapsedOver,
  isWorkingTime,
  nextOpening,
  ROUND_THE_CLOCK,
  type TimeInterval,
} from './business-calendar';
export { type CompiledFlow, type CompileOptions, compileFlow } from './compile-flow';
export { addDuration, type Duration, durationMs, parseDuration } from './duration';
export { EngineError, type EngineErrorCode } from './engine-error';
export { type BudgetLimit, ExpressionBudgetError } from './expression-budget-error';
export * from './feel';
export { FEEL_LIMITS } from './feel-budget';
export { type FeelPatternLiteral, feelPatternLiterals } from './feel-patterns';
export { MAX_PATTERN_LENGTH, patternMatches, patternProblem } from './feel-regexp';
export { type ChangedItem, diffFlows, type FlowDiff, type ItemDiff } from './flow-diff';
export { type FlowGraph, type ForkRegion, flowGraph, matchForkJoin } from './flow-graph';
export { tally } from './machine/approval-work';
export type { CaseContext } from './machine/case-context';
export { canHoldCase, nodeLabel, planMigration } from './migration/migration-plan';
export { type CaseMoved, type CaseRefused, moveCase, refused } from './migration/move-case';
export { refusal, refusalText } from './migration/refusal-text';
export { renderPathTemplate } from './path-template';
export { allowedEvents, type CaseSnapshot, inspect, type StepResult, start, step } from './run-case';
export { type SimCase, Simulator, type SimulatorOptions } from './simulator';
export { type ValidationContext, validateFlow } from './validate-flow';
export { type FormInput, type FormValidation, formSchemaErrors, validateFormValues } from './validate-form';
