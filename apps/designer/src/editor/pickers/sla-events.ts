/**
 * The case events a case SLA may start or stop on, as an owner says them. These are the events
 * the engine and the runtime send: the case opening (engine, openCaseSlas) and the first public
 * answer of an agent (runtime, message-commands). Where the flow's own steps start or stop a
 * clock is picked among its nodes instead.
 */
export const CASE_SLA_EVENTS = ['case.opened', 'case.firstResponse'] as const;
export type CaseSlaEvent = (typeof CASE_SLA_EVENTS)[number];
