import { type Locale, localeFromAcceptLanguage } from '@caseflow/schema';

/**
 * Error messages meant for people (sign-in, sessions, surveys, the generic refusals), in
 * Brazilian Portuguese, keyed by their English text. Codes and field details stay as they are:
 * programs read those. A message not listed stays English.
 */
const PT_BR: Record<string, string> = {
  'wrong username or password': 'usuário ou senha incorretos',
  'this account is deactivated': 'esta conta está desativada',
  'account deactivated': 'conta desativada',
  'too many failed sign-ins; try again later':
    'muitas tentativas de entrada sem sucesso; tente novamente mais tarde',
  'sign in first': 'entre primeiro',
  'invalid or expired token': 'sessão inválida ou expirada',
  'session ended; sign in again': 'sessão encerrada; entre novamente',
  'session expired; sign in again': 'sessão expirada; entre novamente',
  'session expired after inactivity; sign in again': 'sessão expirada por inatividade; entre novamente',
  'not allowed for your role': 'não permitido para o seu perfil',
  'survey not found': 'pesquisa não encontrada',
  'this survey was answered already': 'esta pesquisa já foi respondida',
  'surveys are answered by the customer; staff may not answer them':
    'as pesquisas são respondidas pelo cliente; a equipe não pode respondê-las',
  'your request could not be completed; our team has been told and will look into it':
    'não foi possível concluir a sua solicitação; nossa equipe já foi avisada e vai verificar',
  'invalid request': 'solicitação inválida',
  'the form has errors': 'o formulário tem erros',
  'malformed JSON in request body': 'JSON malformado no corpo da solicitação',
  'request body is too large': 'o corpo da solicitação é grande demais',
  'internal error': 'erro interno',
  'not found': 'não encontrado',
};

/**
 * The language of an answer: the `Accept-Language` the client sends (the designer sends its
 * screen language; anonymous pages send the browser's), else the signed-in user's profile
 * language, else English. Pure.
 */
export function answerLocale(acceptLanguage: string | undefined, profile: Locale | null | undefined): Locale {
  if (acceptLanguage) return localeFromAcceptLanguage(acceptLanguage);
  return profile ?? 'en';
}

/** `message` in `locale` when it is one meant for people and translated; else unchanged. Pure. */
export function translateErrorMessage(message: string, locale: Locale): string {
  if (locale === 'pt-BR' && Object.hasOwn(PT_BR, message)) return PT_BR[message]!;
  return message;
}
