import type { Locale } from '@caseflow/schema';
import type { ZodError } from 'zod';
import { format } from './render';

/**
 * Field errors in the reader's language (DESIGN §9). Two kinds reach people: zod issues of a
 * request body (`{path, code, message, params}`, codes such as `too_small`) and form errors of
 * `validateFormValues` (`{field, code, message, params}`, codes such as `max-length`). Each
 * keeps its stable machine `code` and `params`; only `message` changes with the language.
 */

/** ICU messages by `zod.<code>[.variant]` or `form.<code>[.variant]`; `{field}` names the field. */
type Catalog = Record<string, string>;

const EN: Catalog = {
  'zod.required': '{field} is required',
  'zod.invalid_type': '{field} must be {expected}',
  'zod.too_small.string':
    '{field} must have at least {minimum, plural, one {# character} other {# characters}}',
  'zod.too_small.array': '{field} must have at least {minimum, plural, one {# item} other {# items}}',
  'zod.too_small.number': '{field} must be at least {minimum}',
  'zod.too_small.exclusive': '{field} must be more than {minimum}',
  'zod.too_big.string': '{field} may have at most {maximum, plural, one {# character} other {# characters}}',
  'zod.too_big.array': '{field} may have at most {maximum, plural, one {# item} other {# items}}',
  'zod.too_big.number': '{field} must be at most {maximum}',
  'zod.too_big.exclusive': '{field} must be less than {maximum}',
  'zod.invalid_format': '{field} must be {format}',
  'zod.invalid_format.regex': '{field} does not have the expected format: {detail}',
  'zod.invalid_value': '{field} must be one of {values}',
  'zod.unrecognized_keys': '{field} has fields it does not take: {keys}',
  'zod.not_multiple_of': '{field} must be a multiple of {divisor}',
  'zod.invalid_union': '{field} does not have any of the accepted shapes',
  'zod.other': '{field}: {detail}',
  'zod.request': 'the request',
  'zod.field': '{path}',
  'form.required': '{label} is required',
  'form.type': '{label} must be {expected}',
  'form.type.root': 'Form values must be an object',
  'form.enum': '{label} must be one of {options}',
  'form.max-length': '{label} must be at most {limit, plural, one {# character} other {# characters}}',
  'form.min-length': '{label} must be at least {limit, plural, one {# character} other {# characters}}',
  'form.format': '{label} must be {format}',
  'form.pattern': '{label} does not have the expected format: {description}',
  'form.pattern.bare': '{label} does not have the expected format (it must match {pattern})',
  'form.pattern.tooLong': '{label} is too long to check against its pattern',
  'form.invalid-pattern': '{label} cannot be checked: its pattern {reason}',
  'form.minimum': '{label} must be at least {limit}',
  'form.maximum': '{label} must be at most {limit}',
  'form.unknown-field': '{label} is not a field of this form',
  'type.string': 'text',
  'type.number': 'a number',
  'type.integer': 'a whole number',
  'type.int': 'a whole number',
  'type.boolean': 'true or false',
  'type.object': 'an object',
  'type.array': 'a list',
  'type.date': 'a date',
  'type.other': 'of type {type}',
  'format.email': 'an e-mail address',
  'format.date': 'a date (YYYY-MM-DD)',
  'format.date-time': 'a date and time with a time zone (e.g. 2026-01-05T09:00:00Z)',
  'format.datetime': 'a date and time with a time zone (e.g. 2026-01-05T09:00:00Z)',
  'format.uri': 'a web address (http:// or https://)',
  'format.url': 'an absolute URL',
  'format.phone': 'a phone number',
  'format.uuid': 'a UUID',
  'format.other': 'in the {format} format',
};

const PT_BR: Catalog = {
  'zod.required': '{field} é obrigatório',
  'zod.invalid_type': '{field} deve ser {expected}',
  'zod.too_small.string':
    '{field} deve ter pelo menos {minimum, plural, one {# caractere} other {# caracteres}}',
  'zod.too_small.array': '{field} deve ter pelo menos {minimum, plural, one {# item} other {# itens}}',
  'zod.too_small.number': '{field} deve ser no mínimo {minimum}',
  'zod.too_small.exclusive': '{field} deve ser maior que {minimum}',
  'zod.too_big.string':
    '{field} pode ter no máximo {maximum, plural, one {# caractere} other {# caracteres}}',
  'zod.too_big.array': '{field} pode ter no máximo {maximum, plural, one {# item} other {# itens}}',
  'zod.too_big.number': '{field} deve ser no máximo {maximum}',
  'zod.too_big.exclusive': '{field} deve ser menor que {maximum}',
  'zod.invalid_format': '{field} deve ser {format}',
  'zod.invalid_format.regex': '{field} não está no formato esperado: {detail}',
  'zod.invalid_value': '{field} deve ser um destes valores: {values}',
  'zod.unrecognized_keys': '{field} tem campos não aceitos: {keys}',
  'zod.not_multiple_of': '{field} deve ser múltiplo de {divisor}',
  'zod.invalid_union': '{field} não tem nenhuma das formas aceitas',
  'zod.other': '{field}: {detail}',
  'zod.request': 'A solicitação',
  'zod.field': 'O campo {path}',
  'form.required': 'O campo {label} é obrigatório',
  'form.type': 'O campo {label} deve ser {expected}',
  'form.type.root': 'Os valores do formulário devem ser um objeto',
  'form.enum': 'O campo {label} deve ser um destes valores: {options}',
  'form.max-length':
    'O campo {label} deve ter no máximo {limit, plural, one {# caractere} other {# caracteres}}',
  'form.min-length':
    'O campo {label} deve ter pelo menos {limit, plural, one {# caractere} other {# caracteres}}',
  'form.format': 'O campo {label} deve ser {format}',
  'form.pattern': 'O campo {label} não está no formato esperado: {description}',
  'form.pattern.bare': 'O campo {label} não está no formato esperado (deve corresponder a {pattern})',
  'form.pattern.tooLong': 'O campo {label} é longo demais para ser conferido com o seu padrão',
  'form.invalid-pattern': 'O campo {label} não pode ser conferido: o padrão dele {reason}',
  'form.minimum': 'O campo {label} deve ser no mínimo {limit}',
  'form.maximum': 'O campo {label} deve ser no máximo {limit}',
  'form.unknown-field': '{label} não é um campo deste formulário',
  'type.string': 'um texto',
  'type.number': 'um número',
  'type.integer': 'um número inteiro',
  'type.int': 'um número inteiro',
  'type.boolean': 'verdadeiro ou falso',
  'type.object': 'um objeto',
  'type.array': 'uma lista',
  'type.date': 'uma data',
  'type.other': 'do tipo {type}',
  'format.email': 'um endereço de e-mail',
  'format.date': 'uma data (AAAA-MM-DD)',
  'format.date-time': 'uma data e hora com fuso horário (ex.: 2026-01-05T09:00:00Z)',
  'format.datetime': 'uma data e hora com fuso horário (ex.: 2026-01-05T09:00:00Z)',
  'format.uri': 'um endereço web (http:// ou https://)',
  'format.url': 'uma URL absoluta',
  'format.phone': 'um número de telefone',
  'format.uuid': 'um UUID',
  'format.other': 'no formato {format}',
};

/**
 * The wording our own schemas give a rule (`.regex(re, '…')`), in Portuguese. A schema message
 * not listed is quoted as written.
 */
const SCHEMA_WORDS_PT_BR: Record<string, string> = {
  'must match ^[a-z][a-z0-9-]*$ (lower-case letters, digits, dashes)':
    'deve seguir ^[a-z][a-z0-9-]*$ (letras minúsculas, números e hífens)',
  'lower-case letters, digits, dashes': 'letras minúsculas, números e hífens',
  'lower-case letters, digits, . _ @ -': 'letras minúsculas, números e . _ @ -',
  'must be YYYY-MM-DD': 'deve estar no formato AAAA-MM-DD',
  'must not contain line breaks or NUL': 'não pode conter quebras de linha nem NUL',
  'must not contain ":" or line breaks': 'não pode conter ":" nem quebras de linha',
  'field names must be identifiers': 'nomes de campo devem ser identificadores',
  'must be an ISO 3166-1 country code such as BR': 'deve ser um código de país ISO 3166-1, como BR',
  'must be an ISO 3166-2 subdivision code such as SP': 'deve ser um código de subdivisão ISO 3166-2, como SP',
  'must be an HTTP header name': 'deve ser um nome de cabeçalho HTTP',
  'needs a group or users': 'precisa de um grupo ou de usuários',
  'expression is empty': 'a expressão está vazia',
  'a note is required': 'é preciso uma nota',
  'must be JSON': 'deve ser JSON',
  'this field name is reserved': 'este nome de campo é reservado',
  'no such field in the form': 'o formulário não tem esse campo',
  'this type of file is not accepted': 'arquivos deste tipo não são aceitos',
  'must be base64': 'deve estar em base64',
  'a list of options needs at least one option': 'uma lista de opções precisa de ao menos uma opção',
};

/** Our schemas' own wording with numbers or names in it, as patterns (tried in order). */
const SCHEMA_PATTERNS_PT_BR: ReadonlyArray<readonly [RegExp, string]> = [
  [/^at most (\d+) characters as JSON \(got (\d+)\)$/, 'no máximo $1 caracteres como JSON (recebidos $2)'],
  [/^at most (\d+) keys \(got (\d+)\)$/, 'no máximo $1 chaves (recebidas $2)'],
  [/^at most (\d+) fields$/, 'no máximo $1 campos'],
  [/^"(.*)" is not a field of the form$/, '"$1" não é um campo do formulário'],
  [/^at most (\d+) bytes$/, 'no máximo $1 bytes'],
  [/^the minimum (\S+) is above the maximum (\S+)$/, 'o mínimo $1 é maior que o máximo $2'],
  [/^the least length (\d+) is above the most (\d+)$/, 'o comprimento mínimo $1 é maior que o máximo $2'],
  [/^labels an option the field does not have: "(.*)"$/, 'dá nome a uma opção que o campo não tem: "$1"'],
];

const CATALOGS: Record<Locale, Catalog> = { en: EN, 'pt-BR': PT_BR };
function say(locale: Locale, id: string, values: Record<string, string | number> = {}): string {
  return format(CATALOGS[locale][id] ?? EN[id] ?? id, locale, values);
}

function typeWord(locale: Locale, type: string): string {
  return `type.${type}` in EN ? say(locale, `type.${type}`) : say(locale, 'type.other', { type });
}

function formatWord(locale: Locale, format: string): string {
  return `format.${format}` in EN ? say(locale, `format.${format}`) : say(locale, 'format.other', { format });
}

function schemaWords(locale: Locale, text: string): string {
  if (locale !== 'pt-BR') return text;
  if (Object.hasOwn(SCHEMA_WORDS_PT_BR, text)) return SCHEMA_WORDS_PT_BR[text]!;
  for (const [pattern, words] of SCHEMA_PATTERNS_PT_BR)
    if (pattern.test(text)) return text.replace(pattern, words);
  return text;
}

/** One zod issue as it leaves in an answer: the path, zod's code, the message and its params. */
export interface IssueDetail {
  path: string;
  code: string;
  message: string;
  params: Record<string, string | number>;
}

type Params = Record<string, string | number>;

/** The params of a zod issue a message needs, as plain strings and numbers. */
function issueParams(issue: ZodError['issues'][number]): Params {
  const p: Params = {};
  const raw = issue as unknown as Record<string, unknown>;
  for (const name of ['expected', 'origin', 'format', 'minimum', 'maximum', 'divisor'] as const) {
    const value = raw[name];
    if (typeof value === 'string' || typeof value === 'number') p[name] = value;
    else if (typeof value === 'bigint') p[name] = Number(value);
  }
  if (raw.inclusive === false) p.exclusive = 1;
  if (Array.isArray(raw.values)) p.values = raw.values.map((v) => JSON.stringify(v)).join(', ');
  if (Array.isArray(raw.keys)) p.keys = raw.keys.map(String).join(', ');
  // A missing value: zod says "received undefined"; the input itself is not kept.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) p.missing = 1;
  // Our schemas' own wording of a rule (custom messages, regex explanations) is worth keeping.
  if (!isZodDefault(issue.message)) p.detail = issue.message;
  return p;
}

/** zod's built-in messages start with these words; a schema's own message does not. */
function isZodDefault(message: string): boolean {
  return /^(Invalid|Too small|Too big|Unrecognized key|Expected|Required)\b/.test(message);
}

/** The message of a zod issue in `locale`, naming the field by its dotted path. Pure. */
export function issueMessage(code: string, path: string, params: Params, locale: Locale): string {
  const field = path === '' ? say(locale, 'zod.request') : say(locale, 'zod.field', { path });
  const detail = typeof params.detail === 'string' ? schemaWords(locale, params.detail) : undefined;
  const numeric = params.origin === 'number' || params.origin === 'bigint' || params.origin === 'int';
  const sized = params.origin === 'array' || params.origin === 'set' ? 'array' : 'string';
  switch (code) {
    case 'invalid_type':
      if (params.missing) return say(locale, 'zod.required', { field });
      return say(locale, 'zod.invalid_type', { field, expected: typeWord(locale, String(params.expected)) });
    case 'too_small':
      if (numeric && params.exclusive) return say(locale, 'zod.too_small.exclusive', { field, ...params });
      return say(locale, `zod.too_small.${numeric ? 'number' : sized}`, {
        field,
        minimum: params.minimum ?? 0,
      });
    case 'too_big':
      if (numeric && params.exclusive) return say(locale, 'zod.too_big.exclusive', { field, ...params });
      return say(locale, `zod.too_big.${numeric ? 'number' : sized}`, {
        field,
        maximum: params.maximum ?? 0,
      });
    case 'invalid_format':
      if (params.format === 'regex' || params.format === 'starts_with' || params.format === 'ends_with') {
        return say(locale, 'zod.invalid_format.regex', { field, detail: detail ?? String(params.format) });
      }
      return say(locale, 'zod.invalid_format', { field, format: formatWord(locale, String(params.format)) });
    case 'invalid_value':
      return say(locale, 'zod.invalid_value', { field, values: params.values ?? '' });
    case 'unrecognized_keys':
      return say(locale, 'zod.unrecognized_keys', { field, keys: params.keys ?? '' });
    case 'not_multiple_of':
      return say(locale, 'zod.not_multiple_of', { field, divisor: params.divisor ?? '' });
    case 'invalid_union':
      return say(locale, 'zod.invalid_union', { field });
    default:
      return say(locale, 'zod.other', { field, detail: detail ?? code });
  }
}

/** The issues of a zod error as answer details (English messages; `localizeDetails` re-words them). */
export function zodIssueDetails(error: ZodError): IssueDetail[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const params = issueParams(issue);
    return { path, code: issue.code, message: issueMessage(issue.code, path, params, 'en'), params };
  });
}

/**
 * The message of a form error (`validateFormValues`) in `locale`, from its code and params;
 * undefined when the error carries no params to word it from. Pure.
 */
export function formErrorMessage(code: string, params: Params, locale: Locale): string | undefined {
  if (!params || typeof params !== 'object') return undefined;
  // A catalog item's field may have its own label in the reader's language (`label:pt-BR`).
  const label = params[`label:${locale}`] ?? params.label ?? '';
  switch (code) {
    case 'type':
      if (params.label === undefined) return say(locale, 'form.type.root');
      return say(locale, 'form.type', { label, expected: typeWord(locale, String(params.expected)) });
    case 'format':
      return say(locale, 'form.format', { label, format: formatWord(locale, String(params.format)) });
    case 'pattern':
      if (params.maxLength !== undefined) return say(locale, 'form.pattern.tooLong', { label });
      if (params.description !== undefined)
        return say(locale, 'form.pattern', { label, description: params.description });
      return say(locale, 'form.pattern.bare', { label, pattern: params.pattern ?? '' });
    case 'required':
    case 'enum':
    case 'max-length':
    case 'min-length':
    case 'invalid-pattern':
    case 'minimum':
    case 'maximum':
    case 'unknown-field':
      return say(locale, `form.${code}`, { options: '', limit: 0, reason: '', ...params, label });
    default:
      return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One detail entry re-worded in `locale` when it is a field error we can word; else as it was. */
function localizeOne(entry: unknown, locale: Locale): unknown {
  if (!isRecord(entry) || typeof entry.code !== 'string' || !isRecord(entry.params)) return entry;
  const params = entry.params as Params;
  const message =
    entry.code.includes('_') || entry.code === 'custom'
      ? issueMessage(entry.code, typeof entry.path === 'string' ? entry.path : '', params, locale)
      : formErrorMessage(entry.code, params, locale);
  return message === undefined ? entry : { ...entry, message };
}

/**
 * An error's `details` with every field error worded in `locale`: a list of them, or an object
 * holding one as `fields` or `errors` (task forms). Other details are left alone. Pure.
 */
export function localizeDetails(details: unknown, locale: Locale): unknown {
  if (locale === 'en') return details;
  if (Array.isArray(details)) return details.map((d) => localizeOne(d, locale));
  if (isRecord(details)) {
    const out: Record<string, unknown> = { ...details };
    for (const key of ['fields', 'errors']) {
      if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map((d) => localizeOne(d, locale));
    }
    return out;
  }
  return details;
}
