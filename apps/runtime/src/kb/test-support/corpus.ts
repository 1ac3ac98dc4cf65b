import { DEMO_ARTICLES } from '../demo-articles';

/** The fixed corpus of the search-quality tests: the demo help centre. */
export const CORPUS = DEMO_ARTICLES;

/** Realistic phrasings (accents left out, typos included) and the article expected in the top 3. */
export const QUERIES: Array<{ locale: 'en' | 'pt-BR'; q: string; expect: string }> = [
  { locale: 'en', q: 'my card was stolen', expect: 'lost-card' },
  { locale: 'en', q: 'I lost my card what do I do', expect: 'lost-card' },
  { locale: 'en', q: 'stolen crad', expect: 'lost-card' },
  { locale: 'en', q: 'I forgot my pasword', expect: 'reset-password' },
  { locale: 'en', q: 'cant sign in forgot password', expect: 'reset-password' },
  { locale: 'en', q: 'how do I block my card', expect: 'block-card' },
  { locale: 'en', q: 'there is a charge I dont recognize', expect: 'dispute-charge' },
  { locale: 'en', q: 'travelling abroad', expect: 'travel-notice' },
  { locale: 'en', q: 'when will my new card arrive', expect: 'card-delivery' },
  { locale: 'en', q: 'change my adress', expect: 'change-address' },
  { locale: 'en', q: 'tap to pay refused', expect: 'contactless' },
  { locale: 'en', q: 'atm withdrawal limit', expect: 'withdrawal-limits' },
  { locale: 'en', q: 'close my acount', expect: 'close-account' },
  { locale: 'en', q: 'verification code not arriving', expect: 'two-factor' },
  { locale: 'en', q: 'contactl', expect: 'contactless' },
  { locale: 'pt-BR', q: 'meu cartão foi roubado', expect: 'cartao-perdido' },
  { locale: 'pt-BR', q: 'cartao roubado', expect: 'cartao-perdido' },
  { locale: 'pt-BR', q: 'perdi meu cartao o que faço', expect: 'cartao-perdido' },
  { locale: 'pt-BR', q: 'esqueci minha senha', expect: 'redefinir-senha' },
  { locale: 'pt-BR', q: 'esqueci a snha', expect: 'redefinir-senha' },
  { locale: 'pt-BR', q: 'como bloquear o cartao', expect: 'bloquear-cartao' },
  { locale: 'pt-BR', q: 'bloq', expect: 'bloquear-cartao' },
  { locale: 'pt-BR', q: 'nao reconheco uma compra', expect: 'contestar-compra' },
  { locale: 'pt-BR', q: 'viagem para o exterior', expect: 'aviso-viagem' },
  { locale: 'pt-BR', q: 'quando chega meu cartão novo', expect: 'entrega-cartao' },
  { locale: 'pt-BR', q: 'mudar endereco', expect: 'mudar-endereco' },
  { locale: 'pt-BR', q: 'limite do pix', expect: 'limite-pix' },
  { locale: 'pt-BR', q: 'aproximacao nao funciona', expect: 'pagamento-aproximacao' },
  { locale: 'pt-BR', q: 'encerar minha conta', expect: 'encerrar-conta' },
  { locale: 'pt-BR', q: 'codigo de verificaçao nao chega', expect: 'codigo-verificacao' },
];
