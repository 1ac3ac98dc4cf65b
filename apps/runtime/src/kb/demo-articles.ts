import type { ArticleBody } from '@caseflow/schema';

/*
 * The demo help centre in both languages, also the fixed corpus of the search-quality tests: the
 * questions a bank's service desk answers every day, written as a help centre would, with the
 * near neighbours (lost vs. blocked card, reset vs. change password) that make ranking matter.
 */

export type DemoArticle = { slug: string } & Omit<ArticleBody, 'status' | 'catalogItems'> & {
    catalogItems?: string[];
  };

const en = (slug: string, title: string, category: string, tags: string[], body: string): DemoArticle => ({
  slug,
  title,
  category,
  tags,
  body,
  audience: 'public',
  locale: 'en',
});
const pt = (slug: string, title: string, category: string, tags: string[], body: string): DemoArticle => ({
  slug,
  title,
  category,
  tags,
  body,
  audience: 'public',
  locale: 'pt-BR',
});

export const DEMO_ARTICLES: DemoArticle[] = [
  en(
    'lost-card',
    'Lost or stolen card',
    'Cards',
    ['theft', 'fraud'],
    'If your card was **lost or stolen**, freeze it at once in the app under *Cards → Freeze*. Then report it: we cancel the card, check recent transactions for fraud and send a replacement within 5 working days.',
  ),
  en(
    'block-card',
    'Temporarily block your card',
    'Cards',
    ['freeze', 'lock'],
    'You can block and unblock your card whenever you like, for example while you look for it at home. A blocked card refuses payments and withdrawals until you unblock it.',
  ),
  en(
    'card-delivery',
    'When will my new card arrive?',
    'Cards',
    ['shipping', 'replacement'],
    'New and replacement cards are delivered by post within 5 working days. You can follow the delivery in the app. If it has not arrived after 10 days, tell us and we send another.',
  ),
  en(
    'contactless',
    'Contactless payments not working',
    'Cards',
    ['tap', 'nfc'],
    'If tap to pay is refused, make one payment with your PIN first: contactless is enabled after the first chip and PIN purchase. Check that contactless is switched on in the card settings.',
  ),
  en(
    'reset-password',
    'Forgot your password?',
    'Access',
    ['login', 'sign in'],
    'Choose **Forgot password** on the sign-in page. We send a link to your email address; it is valid for 30 minutes. Choose a new password of at least 12 characters.',
  ),
  en(
    'change-password',
    'Change your password',
    'Access',
    ['security'],
    'Signed in, open Profile → Security and choose Change password. You need your current password. Every other session is signed out.',
  ),
  en(
    'two-factor',
    'Verification code not arriving',
    'Access',
    ['2fa', 'sms', 'otp'],
    'Two-factor codes come by text message. Check the phone number in your profile, wait two minutes and ask for a new code. Codes expire after five minutes.',
  ),
  en(
    'dispute-charge',
    'A charge you do not recognise',
    'Payments',
    ['dispute', 'chargeback'],
    'If you see a purchase you do not recognise, open it in the app and choose Dispute. We investigate with the merchant and refund you while we do, usually within 10 days.',
  ),
  en(
    'travel-notice',
    'Travelling abroad',
    'Cards',
    ['international', 'travel'],
    'Your card works abroad without any notice. Foreign currency purchases have a 2% fee. Withdrawals at ATMs abroad count towards your daily limit.',
  ),
  en(
    'withdrawal-limits',
    'Daily limits for cash withdrawals and payments',
    'Payments',
    ['atm', 'limit'],
    'The daily ATM withdrawal limit is 1,000 and the daily card payment limit 5,000. You can lower or raise them within your plan in the app.',
  ),
  en(
    'change-address',
    'Change your address',
    'Account',
    ['move', 'profile'],
    'When you move house, update your postal address in Profile → Personal details. Cards and letters are sent to the new address from the next working day.',
  ),
  en(
    'close-account',
    'Close your account',
    'Account',
    ['cancel'],
    'To close your account, move your balance out and cancel recurring payments, then choose Close account in the app. Closing is free and takes one working day.',
  ),
  {
    ...en(
      'fraud-playbook',
      'Fraud playbook for agents',
      'Cards',
      ['internal'],
      'Internal: when a customer reports a stolen card, verify identity with two questions, freeze every card and escalate to fraud specialists if more than three transactions are disputed.',
    ),
    audience: 'agents',
  },

  pt(
    'cartao-perdido',
    'Cartão perdido ou roubado',
    'Cartões',
    ['roubo', 'fraude'],
    'Se o seu cartão foi **perdido ou roubado**, congele-o na hora no aplicativo em *Cartões → Congelar*. Depois comunique: cancelamos o cartão, verificamos as transações recentes e enviamos um novo em até 5 dias úteis.',
  ),
  pt(
    'bloquear-cartao',
    'Bloquear o cartão temporariamente',
    'Cartões',
    ['bloqueio'],
    'Você pode bloquear e desbloquear o cartão quando quiser, por exemplo enquanto procura por ele em casa. Um cartão bloqueado recusa compras e saques até ser desbloqueado.',
  ),
  pt(
    'entrega-cartao',
    'Quando chega o meu cartão novo?',
    'Cartões',
    ['entrega', 'correios'],
    'Cartões novos e de reposição são entregues pelos Correios em até 5 dias úteis. Acompanhe a entrega no aplicativo. Se não chegar em 10 dias, avise e enviamos outro.',
  ),
  pt(
    'pagamento-aproximacao',
    'Pagamento por aproximação não funciona',
    'Cartões',
    ['nfc', 'contactless'],
    'Se o pagamento por aproximação for recusado, faça antes uma compra com senha: a aproximação é ativada depois da primeira compra com chip e senha. Confira se a função está ligada nas configurações do cartão.',
  ),
  pt(
    'redefinir-senha',
    'Esqueceu a sua senha?',
    'Acesso',
    ['login', 'entrar'],
    'Escolha **Esqueci minha senha** na página de entrada. Enviamos um link para o seu e-mail, válido por 30 minutos. Crie uma senha nova com pelo menos 12 caracteres.',
  ),
  pt(
    'codigo-verificacao',
    'Código de verificação não chega',
    'Acesso',
    ['sms', 'token'],
    'Os códigos de verificação chegam por SMS. Confira o número de celular no seu perfil, espere dois minutos e peça um código novo. Os códigos expiram em cinco minutos.',
  ),
  pt(
    'contestar-compra',
    'Uma compra que você não reconhece',
    'Pagamentos',
    ['contestação', 'estorno'],
    'Se aparecer uma compra que você não reconhece, abra-a no aplicativo e escolha Contestar. Investigamos com o estabelecimento e devolvemos o valor enquanto isso, normalmente em até 10 dias.',
  ),
  pt(
    'aviso-viagem',
    'Viagem ao exterior',
    'Cartões',
    ['internacional', 'viagem'],
    'O seu cartão funciona no exterior sem aviso prévio. Compras em moeda estrangeira têm IOF e tarifa de 2%. Saques em caixas eletrônicos no exterior contam no limite diário.',
  ),
  pt(
    'limite-pix',
    'Limites do Pix e de saque',
    'Pagamentos',
    ['pix', 'limite'],
    'O limite diário do Pix é de R$ 5.000 e o de saque em caixa eletrônico de R$ 1.000. Você pode diminuir ou aumentar os limites no aplicativo, em Pix → Meus limites.',
  ),
  pt(
    'mudar-endereco',
    'Mudar de endereço',
    'Conta',
    ['mudança', 'perfil'],
    'Quando você se mudar, atualize o endereço em Perfil → Dados pessoais. Cartões e cartas passam a ir para o novo endereço a partir do próximo dia útil.',
  ),
  pt(
    'encerrar-conta',
    'Encerrar a sua conta',
    'Conta',
    ['cancelamento'],
    'Para encerrar a conta, transfira o saldo e cancele os débitos automáticos; depois escolha Encerrar conta no aplicativo. O encerramento é gratuito e leva um dia útil.',
  ),
];

/** Catalog items each demo article answers (the deflection beside their request forms). */
export const DEMO_RELATED: Record<string, string[]> = {
  'lost-card': ['report-lost-card'],
  'block-card': ['report-lost-card'],
  'cartao-perdido': ['report-lost-card'],
  'bloquear-cartao': ['report-lost-card'],
  'reset-password': ['password-reset'],
  'redefinir-senha': ['password-reset'],
};
