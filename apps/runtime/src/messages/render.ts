import { DEFAULT_LOCALE, type Locale, type SurveyKind } from '@caseflow/schema';
import { IntlMessageFormat } from 'intl-messageformat';
import {
  ARTICLE_TEMPLATES,
  MAIL_TEMPLATES,
  NOTIFY_TEMPLATES,
  SURVEY_LINK_TEMPLATES,
  SURVEY_TEMPLATES,
  type TemplateText,
} from './templates';

/** What one recipient reads: the language it is written in, a subject and a body. */
export interface RenderedMessage {
  locale: Locale;
  template: string;
  subject: string;
  body: string;
}

/** Values a template may use; anything else a flow passes is turned into text. */
export type TemplateValues = Record<string, unknown>;

const formats = new Map<string, IntlMessageFormat>();

/**
 * An ICU message in `locale` with `values`; each text is parsed once and kept (templates and
 * field messages are a fixed set). Pure but for that cache.
 */
export function format(text: string, locale: Locale, values: Record<string, string | number>): string {
  const key = `${locale}\u0000${text}`;
  let mf = formats.get(key);
  if (!mf) {
    mf = new IntlMessageFormat(text, locale);
    formats.set(key, mf);
  }
  return String(mf.format(values));
}

/** Values as ICU arguments: numbers stay numbers (plurals), null is empty, objects become JSON. */
function argumentsOf(values: TemplateValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'number' || typeof value === 'string') out[name] = value;
    else if (value === null || value === undefined) out[name] = '';
    else if (typeof value === 'boolean') out[name] = String(value);
    else out[name] = JSON.stringify(value);
  }
  return out;
}

function renderText(text: TemplateText, locale: Locale, values: TemplateValues): TemplateText {
  const args = argumentsOf(values);
  return { subject: format(text.subject, locale, args), body: format(text.body, locale, args) };
}

/**
 * A notification template in `locale` (the recipient's profile language; the default when it
 * has none). An unknown template name, or a template missing an argument the flow did not
 * give, falls back to the generic `case-update` message, so a customer never receives a raw
 * template id or a half-filled sentence. Pure.
 */
export function renderNotification(
  template: string,
  locale: Locale | null | undefined,
  values: TemplateValues,
): RenderedMessage {
  const lang = locale ?? DEFAULT_LOCALE;
  const known = Object.hasOwn(NOTIFY_TEMPLATES, template) ? NOTIFY_TEMPLATES[template] : undefined;
  const filled = { customerName: '', caseNumber: '', subject: '', ...values };
  if (known) {
    try {
      return { locale: lang, template, ...renderText(known[lang], lang, filled) };
    } catch {
      // A template naming data the node does not pass: the generic message below.
    }
  }
  return {
    locale: lang,
    template: 'case-update',
    ...renderText(NOTIFY_TEMPLATES['case-update']![lang], lang, filled),
  };
}

/** A survey invitation of `kind` in `locale`, with its question. Pure. */
export function renderSurvey(
  kind: SurveyKind,
  locale: Locale | null | undefined,
  values: TemplateValues,
): RenderedMessage & { question: string } {
  const lang = locale ?? DEFAULT_LOCALE;
  const text = SURVEY_TEMPLATES[kind][lang];
  const filled = { customerName: '', caseNumber: '', ...values };
  return {
    locale: lang,
    template: `survey.${kind}`,
    question: text.question,
    ...renderText(text, lang, filled),
  };
}

/** The question of a survey of `kind` in `locale` (the anonymous survey page). Pure. */
export function surveyQuestion(kind: SurveyKind, locale: Locale | null | undefined): string {
  return SURVEY_TEMPLATES[kind][locale ?? DEFAULT_LOCALE].question;
}

/** The line with a survey's page that an e-mailed invitation in `locale` ends with. Pure. */
export function renderSurveyLink(locale: Locale, link: string): string {
  return format(SURVEY_LINK_TEMPLATES[locale], locale, { link });
}

/** The text a notify node's article adds to a message in `locale`. Pure. */
export function articleBlock(
  locale: Locale,
  article: { title: string; excerpt: string; path: string },
): string {
  return format(ARTICLE_TEMPLATES[locale], locale, article);
}

/**
 * The subject and footer of an e-mail about case `caseNumber` in `locale`: `[REQ-000123] …`
 * (a subject that already names the number in brackets is kept) and how to answer. Pure.
 */
export function renderMailFrame(
  locale: Locale | null | undefined,
  values: { caseNumber: string; subject: string },
): { locale: Locale; subject: string; footer: string } {
  const lang = locale ?? DEFAULT_LOCALE;
  const text = MAIL_TEMPLATES[lang];
  const tagged = values.caseNumber !== '' && values.subject.includes(`[${values.caseNumber}]`);
  const subject = tagged || values.caseNumber === '' ? values.subject : format(text.subject, lang, values);
  return { locale: lang, subject: subject.slice(0, 300), footer: format(text.footer, lang, values) };
}
