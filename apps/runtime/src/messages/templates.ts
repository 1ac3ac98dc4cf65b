import type { Locale, SurveyKind } from '@caseflow/schema';

/** One message a person receives: a subject line and a body, ICU MessageFormat. */
export interface TemplateText {
  subject: string;
  body: string;
}

/**
 * The notification templates flows name (`notify.template`), in every locale (DESIGN §9).
 * Arguments: `caseNumber` (REQ-000123), `customerName`, `subject`, and the node's `data`.
 * A template not listed here is sent as `case-update`.
 */
export const NOTIFY_TEMPLATES: Record<string, Record<Locale, TemplateText>> = {
  'case-update': {
    en: {
      subject: 'Update on your request {caseNumber}',
      body: 'Hello {customerName}, there is news on your request {caseNumber}. You can follow it in the portal under My requests.',
    },
    'pt-BR': {
      subject: 'Novidades sobre a sua solicitação {caseNumber}',
      body: 'Olá, {customerName}! Há novidades sobre a sua solicitação {caseNumber}. Você pode acompanhá-la no portal, em Minhas solicitações.',
    },
  },
  'request-done': {
    en: {
      subject: 'Your request {caseNumber} is done',
      body: 'Hello {customerName}, we have completed your request {caseNumber}. If anything is still not right, reply to this message.',
    },
    'pt-BR': {
      subject: 'Sua solicitação {caseNumber} foi concluída',
      body: 'Olá, {customerName}! Concluímos a sua solicitação {caseNumber}. Se algo ainda não estiver certo, é só responder esta mensagem.',
    },
  },
  'request-declined': {
    en: {
      subject: 'We could not carry out your request {caseNumber}',
      body: 'Hello {customerName}, we are sorry: we could not carry out your request {caseNumber}. Reply to this message if you would like to know more.',
    },
    'pt-BR': {
      subject: 'Não foi possível atender a sua solicitação {caseNumber}',
      body: 'Olá, {customerName}. Sentimos muito, mas não foi possível atender a sua solicitação {caseNumber}. Responda esta mensagem se quiser saber mais.',
    },
  },
  'password-reset-done': {
    en: {
      subject: 'Your password was reset ({caseNumber})',
      body: 'Hello {customerName}, your password has been reset. Sign in with the temporary password you were given and choose a new one. If you did not ask for this, contact us at once.',
    },
    'pt-BR': {
      subject: 'Sua senha foi redefinida ({caseNumber})',
      body: 'Olá, {customerName}! Sua senha foi redefinida. Entre com a senha temporária que você recebeu e escolha uma nova. Se não foi você que pediu, fale com a gente imediatamente.',
    },
  },
  'password-reset-refused': {
    en: {
      subject: 'We could not reset your password ({caseNumber})',
      body: 'Hello {customerName}, we could not confirm that this request came from you, so your password was not reset. Please contact us by phone to continue.',
    },
    'pt-BR': {
      subject: 'Não foi possível redefinir a sua senha ({caseNumber})',
      body: 'Olá, {customerName}. Não conseguimos confirmar que o pedido foi feito por você, por isso a senha não foi redefinida. Ligue para a nossa central para continuar.',
    },
  },
  'replacement-in-progress': {
    en: {
      subject: 'Your new card is on its way ({caseNumber})',
      body: 'Hello {customerName}, your lost card is blocked and a replacement has been ordered. We will let you know when it is sent.',
    },
    'pt-BR': {
      subject: 'Seu novo cartão está a caminho ({caseNumber})',
      body: 'Olá, {customerName}! O cartão perdido foi bloqueado e pedimos um cartão novo. Avisaremos quando ele for enviado.',
    },
  },
  'card-replaced': {
    en: {
      subject: 'Your replacement card was sent ({caseNumber})',
      body: 'Hello {customerName}, your replacement card has been sent. Unlock it in the app when it arrives.',
    },
    'pt-BR': {
      subject: 'Seu cartão novo foi enviado ({caseNumber})',
      body: 'Olá, {customerName}! Seu cartão novo foi enviado. Desbloqueie-o no aplicativo quando ele chegar.',
    },
  },
  'replacement-rejected': {
    en: {
      subject: 'We could not replace your card ({caseNumber})',
      body: 'Hello {customerName}, your card is blocked, but we could not order a replacement. Please contact us so we can help.',
    },
    'pt-BR': {
      subject: 'Não foi possível substituir o seu cartão ({caseNumber})',
      body: 'Olá, {customerName}. Seu cartão está bloqueado, mas não conseguimos pedir um novo. Fale com a gente para podermos ajudar.',
    },
  },
  'case-closed-no-reply': {
    en: {
      subject: 'We closed your request {caseNumber}',
      body: 'Hello {customerName}, we did not hear back from you, so we closed your request {caseNumber}. Reply to this message to open it again.',
    },
    'pt-BR': {
      subject: 'Encerramos a sua solicitação {caseNumber}',
      body: 'Olá, {customerName}. Como não tivemos retorno, encerramos a sua solicitação {caseNumber}. Responda esta mensagem para reabri-la.',
    },
  },
};

/** The survey invitation of each kind, in every locale. Arguments: `caseNumber`, `customerName`. */
export const SURVEY_TEMPLATES: Record<SurveyKind, Record<Locale, TemplateText & { question: string }>> = {
  csat: {
    en: {
      subject: 'How did we do? ({caseNumber})',
      body: 'Hello {customerName}, how satisfied are you with how we handled your request {caseNumber}? Answer from 1 (not at all) to 5 (very).',
      question: 'How satisfied are you with how we handled your request?',
    },
    'pt-BR': {
      subject: 'Como foi o nosso atendimento? ({caseNumber})',
      body: 'Olá, {customerName}! Qual é a sua satisfação com o atendimento da solicitação {caseNumber}? Responda de 1 (nada satisfeito) a 5 (muito satisfeito).',
      question: 'Qual é a sua satisfação com o atendimento da sua solicitação?',
    },
  },
  nps: {
    en: {
      subject: 'Would you recommend us? ({caseNumber})',
      body: 'Hello {customerName}, after your request {caseNumber}: how likely are you to recommend us to a friend? Answer from 0 to 10.',
      question: 'How likely are you to recommend us to a friend or colleague?',
    },
    'pt-BR': {
      subject: 'Você nos recomendaria? ({caseNumber})',
      body: 'Olá, {customerName}! Depois da solicitação {caseNumber}: qual a probabilidade de você nos recomendar a um amigo? Responda de 0 a 10.',
      question: 'Qual a probabilidade de você nos recomendar a um amigo ou colega?',
    },
  },
  ces: {
    en: {
      subject: 'Was it easy? ({caseNumber})',
      body: 'Hello {customerName}, how easy was it to get your request {caseNumber} handled? Answer from 1 (very hard) to 7 (very easy).',
      question: 'How easy was it to get your request handled?',
    },
    'pt-BR': {
      subject: 'Foi fácil? ({caseNumber})',
      body: 'Olá, {customerName}! Foi fácil resolver a sua solicitação {caseNumber}? Responda de 1 (muito difícil) a 7 (muito fácil).',
      question: 'Quão fácil foi resolver a sua solicitação?',
    },
  },
};

/** The line an e-mailed survey invitation ends with: the survey's page. Argument: `link`. */
export const SURVEY_LINK_TEMPLATES: Record<Locale, string> = {
  en: 'Answer here, no sign-in needed: {link}',
  'pt-BR': 'Responda aqui, sem precisar entrar: {link}',
};

/** The part a notify node's article adds to its message: title, excerpt, help-centre address. */
export const ARTICLE_TEMPLATES: Record<Locale, string> = {
  en: 'An article that may help: {title}\n{excerpt}\nRead it in the help centre: {path}',
  'pt-BR': 'Um artigo que pode ajudar: {title}\n{excerpt}\nLeia na central de ajuda: {path}',
};

/**
 * What every e-mail Caseflow sends adds around its text (channels/email): the subject names the
 * case number in brackets, which threads a reply even when a mail client drops the headers, and
 * the footer says how to answer. Arguments: `caseNumber`, `subject`.
 */
export const MAIL_TEMPLATES: Record<Locale, { subject: string; footer: string }> = {
  en: {
    subject: '[{caseNumber}] {subject}',
    footer: 'Reply to this e-mail to write to us: your answer is added to your request {caseNumber}.',
  },
  'pt-BR': {
    subject: '[{caseNumber}] {subject}',
    footer: 'Responda este e-mail para falar com a gente: sua resposta entra na solicitação {caseNumber}.',
  },
};
