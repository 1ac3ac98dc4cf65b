import type { CatalogItem, FlowDefinitionInput } from '@caseflow/schema';

/*
 * What the living demo adds to the examples: everyday service requests (most of a service
 * desk's volume is small requests settled at first contact), one flow behind three catalog items.
 */

/** A request the service desk settles, escalating to card operations when it takes too long. */
export const serviceRequestFlow: FlowDefinitionInput = {
  key: 'service-request',
  name: 'Service request',
  kind: 'fulfillment',
  calendar: 'business',
  tiers: [
    { id: 'L1', name: 'Service desk', group: 'service-desk', mode: 'solver' },
    { id: 'L2', name: 'Card operations', group: 'card-ops' },
  ],
  slas: [
    {
      id: 'resolution',
      name: 'Resolution',
      target: 'PT4H',
      start: { event: 'case.opened' },
      stop: { atNodes: ['done', 'declined'] },
      warnAt: [0.75],
      onBreach: { notify: ['group:supervisors'] },
    },
  ],
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'catalog' } },
    {
      id: 'handle',
      type: 'task',
      name: 'Handle the request',
      title: 'Handle the request',
      assign: { tier: 'L1' },
      outcomes: ['done', 'decline'],
      outcomeLabels: {
        done: { en: 'Done', 'pt-BR': 'Concluída' },
        decline: { en: 'Decline the request', 'pt-BR': 'Recusar a solicitação' },
      },
      sla: { target: 'PT1H', warnAt: [0.5], onBreach: 'escalate' },
    },
    { id: 'tell-done', type: 'notify', name: 'Tell the customer', to: 'customer', template: 'request-done' },
    { id: 'csat', type: 'survey', name: 'Satisfaction survey', survey: 'csat' },
    { id: 'done', type: 'end', outcome: 'resolved' },
    {
      id: 'tell-declined',
      type: 'notify',
      name: 'Explain the refusal',
      to: 'customer',
      template: 'request-declined',
    },
    { id: 'declined', type: 'end', outcome: 'rejected' },
  ],
  edges: [
    { from: 'start', to: 'handle' },
    { from: 'handle', to: 'tell-done', on: 'done' },
    { from: 'handle', to: 'tell-declined', on: 'decline' },
    { from: 'tell-done', to: 'csat' },
    { from: 'csat', to: 'done' },
    { from: 'tell-declined', to: 'declined' },
  ],
  layout: {
    start: { x: 0, y: 0 },
    handle: { x: 220, y: 0 },
    'tell-done': { x: 440, y: -80 },
    csat: { x: 660, y: -80 },
    done: { x: 880, y: -80 },
    'tell-declined': { x: 440, y: 80 },
    declined: { x: 660, y: 80 },
  },
};

const note = {
  type: 'string',
  title: 'Anything we should know?',
  format: 'textarea',
  maxLength: 2000,
} as const;

/** The catalog items of the service-request flow. */
export const serviceRequestItems: CatalogItem[] = [
  {
    key: 'update-address',
    name: 'Update my address',
    category: 'Account',
    description: 'Moved? We update your postal address and send your cards there from now on.',
    icon: 'home',
    flow: 'service-request',
    active: true,
    form: {
      type: 'object',
      title: 'New address',
      properties: {
        street: { type: 'string', title: 'Street and number', minLength: 3, maxLength: 200 },
        city: { type: 'string', title: 'City', minLength: 2, maxLength: 100 },
        postcode: { type: 'string', title: 'Postcode', pattern: '^[0-9]{5}-?[0-9]{3}$' },
        note,
      },
      required: ['street', 'city', 'postcode'],
      order: ['street', 'city', 'postcode', 'note'],
    },
    translations: {
      'pt-BR': {
        name: 'Atualizar meu endereço',
        category: 'Conta',
        description:
          'Mudou de casa? Atualizamos seu endereço e enviamos seus cartões para lá daqui em diante.',
        fields: {
          street: { title: 'Rua e número' },
          city: { title: 'Cidade' },
          postcode: { title: 'CEP' },
          note: { title: 'Algo que devemos saber?' },
        },
      },
    },
  },
  {
    key: 'dispute-transaction',
    name: 'Dispute a card transaction',
    category: 'Cards',
    description: 'A payment you do not recognise or that went wrong: we look into it with the merchant.',
    icon: 'card',
    flow: 'service-request',
    active: true,
    form: {
      type: 'object',
      title: 'The transaction',
      properties: {
        merchant: { type: 'string', title: 'Merchant', minLength: 2, maxLength: 200 },
        amount: { type: 'number', title: 'Amount', minimum: 0.01 },
        note,
      },
      required: ['merchant', 'amount'],
      order: ['merchant', 'amount', 'note'],
    },
    translations: {
      'pt-BR': {
        name: 'Contestar uma transação do cartão',
        category: 'Cartões',
        description:
          'Um pagamento que você não reconhece ou que deu errado: verificamos com o estabelecimento.',
        fields: {
          merchant: { title: 'Estabelecimento' },
          amount: { title: 'Valor' },
          note: { title: 'Algo que devemos saber?' },
        },
      },
    },
  },
  {
    key: 'card-limit',
    name: 'Change my card limit',
    category: 'Cards',
    description: 'Ask for a higher or lower monthly limit on your credit card.',
    icon: 'card',
    flow: 'service-request',
    active: true,
    form: {
      type: 'object',
      title: 'New limit',
      properties: {
        limit: { type: 'integer', title: 'Monthly limit', minimum: 100, maximum: 100000 },
        note,
      },
      required: ['limit'],
      order: ['limit', 'note'],
    },
    translations: {
      'pt-BR': {
        name: 'Alterar o limite do meu cartão',
        category: 'Cartões',
        description: 'Peça um limite mensal maior ou menor no seu cartão de crédito.',
        fields: { limit: { title: 'Limite mensal' }, note: { title: 'Algo que devemos saber?' } },
      },
    },
  },
];
