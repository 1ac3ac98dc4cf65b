import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../i18n/catalog';
import { isoDurationInWords } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import type { DocNode } from './flow-document';
import { NODE_KINDS, nodeSummary, type Translate } from './node-catalog';

/** The real catalog's `t` for a locale, as `useT` gives it, without React. */
function translator(locale: Locale): Translate {
  const messages = messagesFor(locale);
  return (id, values) => {
    const text = messages[id];
    if (text === undefined) throw new Error(`missing message ${id}`);
    return String(new IntlMessageFormat(text, locale).format(values));
  };
}

describe('node catalog', () => {
  it.each(['en', 'pt-BR'] as const)('names and explains every node type in %s', (locale) => {
    const messages = messagesFor(locale);
    for (const kind of NODE_KINDS) {
      expect(messages[`node.kind.${kind.type}`], kind.type).toBeTruthy();
      expect(messages[`node.hint.${kind.type}`], kind.type).toBeTruthy();
    }
  });

  it('words the summary under a node in the reader’s language, keeping what the owner typed', () => {
    const t = translator('pt-BR');
    const approval = {
      id: 'ok',
      type: 'approval',
      approvers: { group: 'card-ops' },
      policy: { kind: 'quorum', count: 2 },
    } as DocNode;
    expect(nodeSummary(approval, t)).toBe('card-ops · quórum de 2');
    expect(nodeSummary({ id: 'w', type: 'wait', signal: 'customer-replied' } as DocNode, t)).toBe(
      'sinal customer-replied',
    );
    const task = { id: 't', type: 'task', title: 'T', assign: {}, outcomes: ['done'] } as DocNode;
    expect(nodeSummary(task, t)).toBe('sem responsável');
    expect(nodeSummary(task, translator('en'))).toBe('unassigned');
    for (const kind of ['any', 'all', 'first'] as const) {
      const node = { ...approval, policy: { kind } } as DocNode;
      expect(nodeSummary(node, t)).toMatch(/^card-ops · /);
    }
  });

  it('says durations in words: owners pick them, they do not type ISO-8601', () => {
    const words = (iso: string) => isoDurationInWords(iso, 'pt-BR');
    const task = {
      id: 't',
      type: 'task',
      title: 'T',
      assign: { group: 'fraud' },
      outcomes: ['done'],
      sla: { target: 'PT30M' },
    } as DocNode;
    expect(nodeSummary(task, translator('pt-BR'), words)).toBe('fraud · SLA 30 minutos');
    const timer = { id: 'w', type: 'timer', duration: 'P2D' } as DocNode;
    expect(nodeSummary(timer, translator('pt-BR'), words)).toBe('2 dias');
  });

  it('names a tier and a person as the flow and the installation do, and an end by its outcome', () => {
    const names = { tier: (id: string) => (id === 'L2' ? 'Card operations' : id), user: () => 'Lena Lopes' };
    const task = (assign: object) =>
      ({ id: 't', type: 'task', title: 'T', assign, outcomes: ['done'] }) as DocNode;
    expect(nodeSummary(task({ tier: 'L2', group: 'card-ops' }), translator('en'), undefined, names)).toBe(
      'Card operations',
    );
    expect(nodeSummary(task({ user: 'lena' }), translator('en'), undefined, names)).toBe('Lena Lopes');
    expect(nodeSummary(task({ tier: 'L2' }), translator('en'))).toBe('L2');
    const end = { id: 'e', type: 'end', outcome: 'rejected' } as DocNode;
    expect(nodeSummary(end, translator('pt-BR'))).toBe('Recusado');
    expect(nodeSummary({ id: 'e', type: 'end' } as DocNode, translator('en'))).toBe('Resolved');
  });

  it('says how a flow starts, what an action does, whom a notification tells and which flow a subflow runs', () => {
    const pt = translator('pt-BR');
    expect(nodeSummary({ id: 's', type: 'start', trigger: { kind: 'catalog' } } as DocNode, pt)).toBe(
      'ao receber um pedido do catálogo',
    );
    expect(nodeSummary({ id: 's', type: 'start' } as DocNode, translator('en'))).toBe('on a new case');
    const set = { id: 'a', type: 'action', action: { kind: 'set', values: {} } } as DocNode;
    expect(nodeSummary(set, translator('en'))).toBe('Set variables');
    const notify = { id: 'n', type: 'notify', to: 'customer', template: 'card-replaced' } as DocNode;
    const names = {
      recipient: () => 'O cliente',
      flow: () => 'Verificação de fraude',
      template: (key: string) => (key === 'card-replaced' ? '“Seu cartão foi substituído”' : key),
    };
    expect(nodeSummary(notify, pt, undefined, names)).toBe('“Seu cartão foi substituído” → O cliente');
    // Before the installation's templates are loaded, the key.
    expect(nodeSummary(notify, pt, undefined, { recipient: () => 'O cliente' })).toBe(
      'card-replaced → O cliente',
    );
    const sub = { id: 'f', type: 'subflow', flow: 'fraud-check' } as DocNode;
    expect(nodeSummary(sub, pt, undefined, names)).toBe('Verificação de fraude');
    expect(nodeSummary(sub, pt)).toBe('fraud-check');
  });
});
