import type { CannedResponseInputRaw } from '@caseflow/schema';
import type { Runtime } from '../executor/types';
import { createResponse } from './response-commands';

/** The demo's canned responses, in both languages; the card ones belong to the card teams. */
export const DEMO_RESPONSES: CannedResponseInputRaw[] = [
  {
    title: 'Greeting',
    body: 'Hello {{customer.name}},\n\nthank you for contacting us about {{case.number}}. ',
    locale: 'en',
  },
  {
    title: 'Saudação',
    body: 'Olá {{customer.name}},\n\nobrigado por falar conosco sobre {{case.number}}. ',
    locale: 'pt-BR',
  },
  {
    title: 'Card blocked',
    body: 'Your card is blocked and a replacement is on its way; {{case.number}} stays open until it arrives.\n\n{{agent.name}}',
    groups: ['service-desk', 'card-ops'],
    locale: 'en',
  },
  {
    title: 'Cartão bloqueado',
    body: 'Seu cartão está bloqueado e um novo já foi pedido; {{case.number}} fica aberto até ele chegar.\n\n{{agent.name}}',
    groups: ['service-desk', 'card-ops'],
    locale: 'pt-BR',
  },
];

/** Seeds the demo responses as Olivia (an owner). Called by the demo seed on an empty database. */
export async function seedResponses(runtime: Runtime): Promise<number> {
  for (const response of DEMO_RESPONSES) await createResponse(runtime, 'olivia', response);
  return DEMO_RESPONSES.length;
}
