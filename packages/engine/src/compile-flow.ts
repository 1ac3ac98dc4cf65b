import { type BusinessCalendar, FlowDefinition, type Problem } from '@caseflow/schema';
import type { AnyStateMachine } from 'xstate';
import { machineConfig } from './compile/machine-config';
import { contextFromInput, machineSetup } from './compile/machine-logic';
import { EngineError } from './engine-error';
import { matchForkJoin } from './flow-graph';
import { createFlowEnv, type FlowEnv } from './machine/flow-env';
import { analyzeFlow, type FlowAnalysis } from './validate-flow';

/** A flow ready to run: build it once per flow version and reuse it for every case. */
export interface CompiledFlow {
  definition: FlowDefinition;
  machine: AnyStateMachine;
  /** The XState config as plain, deterministic JSON (the designer's compiled-machine view). */
  config: Record<string, unknown>;
  problems: Problem[];
  env: FlowEnv;
}

export interface CompileOptions {
  /** Business calendars by key; SLAs and timers on unknown keys run round the clock. */
  calendars?: Record<string, BusinessCalendar> | readonly BusinessCalendar[];
  /** Skip validateFlow for definitions already validated when they were published. */
  trusted?: boolean;
}

/** Problems that make a machine impossible to build (others are reported but compile). */
const FATAL = new Set([
  'schema',
  'unknown-node-type',
  'duplicate-id',
  'missing-start',
  'multiple-starts',
  'dangling-edge',
  'fork-without-join',
  'join-without-fork',
]);

/**
 * Compiles a flow definition into an XState v5 machine. Pure and deterministic: the same
 * definition gives the same `config`. Problems of `validateFlow` come back as data; only a
 * definition that cannot become a machine at all (schema errors, broken structure) throws
 * EngineError `invalid-flow` carrying them.
 */
export function compileFlow(def: unknown, options: CompileOptions = {}): CompiledFlow {
  const { problems, definition, structure } = options.trusted ? trustedAnalysis(def) : analyzeFlow(def);
  const fatal = problems.filter((p) => p.severity === 'error' && FATAL.has(p.code));
  if (!definition || fatal.length > 0 || structure.problems.length > 0) {
    const first =
      fatal[0]?.message ?? structure.problems[0]?.message ?? 'the definition fails the flow schema';
    throw new EngineError('invalid-flow', `the flow cannot be compiled: ${first}`, [], problems);
  }
  const calendars = Array.isArray(options.calendars)
    ? Object.fromEntries((options.calendars as BusinessCalendar[]).map((c) => [c.key, c]))
    : ((options.calendars ?? {}) as Record<string, BusinessCalendar>);
  const env = createFlowEnv(definition, calendars);
  const config = machineConfig(definition, structure);
  const machine = machineSetup(env).createMachine({
    ...(config as object),
    context: contextFromInput,
  } as never);
  return { definition, machine: machine as unknown as AnyStateMachine, config, problems, env };
}

/** A published definition was validated already: only parse it and find its parallel blocks. */
function trustedAnalysis(def: unknown): FlowAnalysis {
  const parsed = FlowDefinition.safeParse(def);
  const definition = parsed.success ? parsed.data : null;
  const structure = matchForkJoin(definition ?? { nodes: [], edges: [] });
  return { problems: [], definition, structure };
}
