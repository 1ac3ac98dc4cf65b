import type { NewCustomer } from '../store/store';
import type { DemoRandom } from './demo-random';

const FIRST = [
  'Ana',
  'Bruno',
  'Camila',
  'Diego',
  'Eduarda',
  'Felipe',
  'Gabriela',
  'Henrique',
  'Isabela',
  'João',
  'Larissa',
  'Lucas',
  'Mariana',
  'Mateus',
  'Natália',
  'Otávio',
  'Patrícia',
  'Rafael',
  'Sofia',
  'Thiago',
  'Vitória',
  'Amanda',
  'Carlos',
  'Fernanda',
  'Gustavo',
  'Juliana',
  'Leonardo',
  'Luana',
  'Pedro',
  'Renata',
];
const LAST = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Rodrigues',
  'Ferreira',
  'Alves',
  'Pereira',
  'Lima',
  'Gomes',
  'Costa',
  'Ribeiro',
  'Martins',
  'Carvalho',
  'Almeida',
  'Lopes',
  'Soares',
  'Fernandes',
  'Vieira',
  'Barbosa',
];

/** Folds accents away for an e-mail address ("João" → "joao"). */
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * `count` customers of the demo's history (ids `c-2001`…), Brazilian names, a segment each
 * (standard, gold, business), an e-mail address and mostly a phone number. Deterministic for
 * the same random source.
 */
export function demoHistoryCustomers(random: DemoRandom, count: number, now: number): NewCustomer[] {
  const out: NewCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const id = `c-${2001 + i}`;
    const segment = random.weighted({ standard: 6, gold: 2.5, business: 1.5 });
    out.push({
      id,
      name: `${first} ${last}`,
      email: `${ascii(first)}.${ascii(last)}${i}@example.com.br`,
      phone: random.chance(0.8) ? `+55 11 9${random.int(1000, 9999)}-${random.int(1000, 9999)}` : null,
      segment,
      attributes: { segment },
      tags: [],
      createdAt: now,
      updatedAt: now,
    });
  }
  return out;
}
