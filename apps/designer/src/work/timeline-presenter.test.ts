import type { TimelineEntry } from '@caseflow/schema';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../i18n/catalog';
import type { Locale } from '../i18n/locales';
import { presentCustomerEntry, presentEntry, type TimelineContext } from './timeline-presenter';

const ctx: TimelineContext = {
  person: (e) => (e.actor === 'ivan' ? 'Ivan (IT)' : 'Caseflow'),
  nodeTitle: (id) => ({ triage: 'Triage the report', verify: 'Fraud check' })[id] ?? id,
  taskTitle: (id) => (id === 'k1.t1' ? 'Reset the password' : null),
  slaName: (id) => (id === 'response' ? 'First response' : id),
  outcomeLabel: (nodeId, outcome) =>
    nodeId === 'triage' && outcome === 'visit' ? 'Needs a field visit' : outcome,
  dateTime: () => '5 Jan, 14:30',
  duration: () => '1 hour',
};
const entry = (
  type: string,
  data: Record<string, unknown> = {},
  actor: string | null = 'ivan',
): TimelineEntry => ({
  seq: 1,
  at: '2026-01-05T13:30:00Z',
  type,
  actor,
  data,
});
const say = (locale: Locale, s: { id: string; values: Record<string, string | number> }) => {
  const text = messagesFor(locale)[s.id];
  if (text === undefined) throw new Error(`no message ${s.id} in ${locale}`);
  return new IntlMessageFormat(text, locale).format(s.values) as string;
};

describe('the timeline presenter', () => {
  it('tells each entry as a sentence with names, node titles and SLA names, in both languages', () => {
    const cases: Array<[TimelineEntry, string, string]> = [
      [
        entry('case.cancelled', { reason: 'duplicate of REQ-000012' }),
        'Ivan (IT) cancelled the case: “duplicate of REQ-000012”',
        'Ivan (IT) cancelou o caso: “duplicate of REQ-000012”',
      ],
      [entry('case.cancelled', { reason: '' }), 'Ivan (IT) cancelled the case', 'Ivan (IT) cancelou o caso'],
      [
        entry(
          'task.escalated',
          { taskId: 'k1.t1', fromTier: 'L1', toTier: 'L2', reason: 'SLA breached' },
          null,
        ),
        '“Reset the password” moved up from L1 to L2: its SLA was breached',
        '“Reset the password” subiu de L1 para L2: o SLA da tarefa estourou',
      ],
      [
        entry(
          'task.escalated',
          { taskId: 'k1.t1', fromTier: 'L1', toTier: 'L2', reason: 'case SLA "resolution" breached' },
          null,
        ),
        '“Reset the password” moved up from L1 to L2: the case SLA “resolution” was breached',
        '“Reset the password” subiu de L1 para L2: o SLA “resolution” do caso estourou',
      ],
      [
        entry('task.escalated', { taskId: 'k1.t1', fromTier: 'L1', toTier: 'L2', reason: 'needs a visit' }),
        '“Reset the password” moved up from L1 to L2: needs a visit',
        '“Reset the password” subiu de L1 para L2: needs a visit',
      ],
      [
        entry('task.assigned', { taskId: 'k1.t1', to: 'ines', group: 'it-support' }, 'routing'),
        '“Reset the password” went to ines (it-support queue)',
        '“Reset the password” foi para ines (fila it-support)',
      ],
      [
        entry('task.declined', { taskId: 'k1.t1', from: 'ines', reason: 'not mine' }, 'ines'),
        'ines declined “Reset the password”: not mine',
        'ines recusou “Reset the password”: not mine',
      ],
      [
        entry('task.overflowed', {
          taskId: 'k1.t1',
          from: 'it-support',
          group: 'service-desk',
          reason: 'wait',
        }),
        '“Reset the password” moved from the it-support queue to service-desk after waiting too long',
        '“Reset the password” passou da fila it-support para service-desk depois de esperar demais',
      ],
      [
        entry('customer.merged', { from: 'c-5b1e', into: 'c-1003' }),
        'Ivan (IT) merged contact c-5b1e into customer c-1003: this case is theirs now',
        'Ivan (IT) mesclou o contato c-5b1e no cliente c-1003: este caso agora é dele',
      ],
      [
        entry(
          'case.follow-up',
          { previousCaseId: 'c1', previousNumber: 'REQ-000041', reopened: true },
          'system',
        ),
        'Reopens REQ-000041: the customer wrote again soon after it closed',
        'Reabre REQ-000041: o cliente escreveu de novo logo depois do encerramento',
      ],
      [
        entry('case.continued', { caseId: 'c2', number: 'REQ-000057', reopened: false }, 'system'),
        'The customer wrote again: continued in REQ-000057',
        'O cliente escreveu de novo: continua em REQ-000057',
      ],
      [
        entry('task.claimed', { taskId: 'k1.t1' }),
        'Ivan (IT) took “Reset the password”',
        'Ivan (IT) assumiu “Reset the password”',
      ],
      [
        entry('case.opened', { channel: 'phone' }),
        'Ivan (IT) opened the case (phone)',
        'Ivan (IT) abriu o caso (telefone)',
      ],
      [
        entry('task.completed', { taskId: 'k1.t1', outcome: 'done' }),
        'Ivan (IT) completed “Reset the password” as “done”',
        'Ivan (IT) concluiu “Reset the password” como “done”',
      ],
      [
        entry('task.completed', { taskId: 'k1.t1', nodeId: 'triage', outcome: 'visit' }),
        'Ivan (IT) completed “Reset the password” as “Needs a field visit”',
        'Ivan (IT) concluiu “Reset the password” como “Needs a field visit”',
      ],
      [
        entry('node.entered', { nodeId: 'triage' }, null),
        'Reached “Triage the report”',
        'Chegou a “Triage the report”',
      ],
      [
        entry('sla.started', { slaId: 'response', dueAt: 1, target: 'PT1H' }, 'system'),
        'First response: within 1 hour, due 5 Jan, 14:30',
        'First response: em até 1 hour, prazo 5 Jan, 14:30',
      ],
      [
        entry('sla.warning', { slaId: 'response', fraction: 0.8 }),
        'First response is at risk (80% of its time used)',
        'First response está em risco (80% do tempo usado)',
      ],
      [entry('message', { from: 'agent' }), 'Ivan (IT) replied', 'Ivan (IT) respondeu'],
      [
        entry('case.closed', { outcome: 'resolved' }),
        'The case was closed: resolved',
        'O caso foi encerrado: resolvido',
      ],
      [
        entry('approval.vote', { vote: 'approve' }),
        'Ivan (IT) voted to approve',
        'Ivan (IT) votou por aprovar',
      ],
    ];
    for (const [e, en, pt] of cases) {
      const s = presentEntry(e, ctx);
      expect(say('en', s)).toBe(en);
      expect(say('pt-BR', s)).toBe(pt);
    }
  });

  it('never shows an id where a title is known, and names unknown types plainly', () => {
    expect(say('en', presentEntry(entry('subflow.started', { nodeId: 'verify' }), ctx))).toBe(
      'Started the sub-process “Fraud check”',
    );
    expect(say('en', presentEntry(entry('weird.thing'), ctx))).toBe('weird.thing');
  });

  it("tells a customer's public entries without internal words", () => {
    expect(say('en', presentCustomerEntry(entry('case.opened')))).toBe('Request received');
    const reply = presentCustomerEntry({ ...entry('message', { from: 'agent' }), actorName: 'Ivan' });
    expect(say('pt-BR', reply)).toBe('Ivan respondeu');
    expect(
      say('en', { ...presentCustomerEntry(entry('message', { from: 'agent' })), values: { name: 'none' } }),
    ).toBe('We replied');
    // A request the customer withdrew: their own words back, or the plain fact.
    expect(say('pt-BR', presentCustomerEntry(entry('case.cancelled', { reason: 'Achei o cartão' })))).toBe(
      'Você cancelou a solicitação: “Achei o cartão”',
    );
    expect(say('en', presentCustomerEntry(entry('case.cancelled', { reason: '' })))).toBe(
      'You withdrew the request',
    );
  });

  it('has every form rule and status word in both languages', () => {
    for (const locale of ['en', 'pt-BR'] as const) {
      const m = messagesFor(locale);
      for (const r of [
        'required',
        'number',
        'integer',
        'email',
        'min',
        'max',
        'minLength',
        'maxLength',
        'pattern',
        'described',
        'enum',
      ]) {
        expect(m[`form.rule.${r}`], r).toBeDefined();
      }
      for (const s of ['running', 'paused', 'met', 'overdue']) expect(m[`portal.due.${s}`], s).toBeDefined();
      for (const s of ['risk', 'priority', 'age', 'due']) expect(m[`work.sort.${s}`], s).toBeDefined();
    }
    expect(say('pt-BR', { id: 'form.rule.minLength', values: { field: 'Nome', limit: 2 } })).toBe(
      'Nome precisa de pelo menos 2 caracteres',
    );
  });
});
