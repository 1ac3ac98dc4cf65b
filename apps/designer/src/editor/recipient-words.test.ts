import { describe, expect, it } from 'vitest';
import { messagesFor } from '../i18n/catalog';
import { recipientWords } from './recipient-words';

/** The catalog's pt-BR message with its values filled in plainly (no plurals are involved). */
const t = (id: string, values?: Record<string, string | number>) =>
  (messagesFor('pt-BR')[id] ?? id).replace(/\{(\w+)\}/g, (_, k: string) => String(values?.[k] ?? ''));
const names = { tier: (id: string) => (id === 'L2' ? 'Operações de cartão' : id), user: () => 'Lena Lopes' };

describe('recipients in words', () => {
  it('says who hears a notification as the pickers do', () => {
    expect(recipientWords('customer', t, names)).toBe('O cliente');
    expect(recipientWords('tier:L2', t, names)).toBe('Nível Operações de cartão');
    expect(recipientWords('group:card-ops', t, names)).toBe('Grupo card-ops');
    expect(recipientWords('user:lena', t, names)).toBe('Pessoa: Lena Lopes');
    expect(recipientWords('pager:ops', t, names)).toBe('pager:ops');
  });
});
