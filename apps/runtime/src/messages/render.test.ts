import { LOCALES, SurveyKind } from '@caseflow/schema';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { renderNotification, renderSurvey, surveyQuestion } from './render';
import { NOTIFY_TEMPLATES, SURVEY_TEMPLATES } from './templates';

/** Argument names of an ICU message. */
function argumentsOf(text: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: Array<Record<string, unknown>>) => {
    for (const n of nodes) {
      if (typeof n.value === 'string' && n.type !== 0) names.add(n.value);
      for (const o of Object.values((n.options ?? {}) as Record<string, { value: never[] }>)) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(text, locale).getAst() as never[]);
  return [...names].sort();
}

describe('message templates', () => {
  it('exist in every locale with the same arguments', () => {
    for (const [name, byLocale] of [
      ...Object.entries(NOTIFY_TEMPLATES),
      ...Object.entries(SURVEY_TEMPLATES),
    ]) {
      for (const locale of LOCALES) {
        const t = byLocale[locale];
        expect(t.subject.trim(), `${name} ${locale}`).not.toBe('');
        expect(argumentsOf(t.body, locale), `${name} ${locale}`).toEqual(argumentsOf(byLocale.en.body, 'en'));
        expect(argumentsOf(t.subject, locale)).toEqual(argumentsOf(byLocale.en.subject, 'en'));
      }
    }
  });

  it("renders a notification in the recipient's language", () => {
    const values = { caseNumber: 'REQ-000042', customerName: 'João' };
    const pt = renderNotification('request-done', 'pt-BR', values);
    expect(pt).toMatchObject({ locale: 'pt-BR', template: 'request-done' });
    expect(pt.subject).toBe('Sua solicitação REQ-000042 foi concluída');
    expect(pt.body).toContain('Olá, João!');
    const en = renderNotification('request-done', null, values);
    expect(en.locale).toBe('en');
    expect(en.subject).toBe('Your request REQ-000042 is done');
  });

  it('sends the generic update for an unknown template, never the raw id', () => {
    const m = renderNotification('no-such-template', 'pt-BR', { caseNumber: 'REQ-000007' });
    expect(m.template).toBe('case-update');
    expect(m.subject).toBe('Novidades sobre a sua solicitação REQ-000007');
    expect(JSON.stringify(m)).not.toContain('no-such-template');
    // Names that are prototype keys are not templates either.
    expect(renderNotification('constructor', 'en', {}).template).toBe('case-update');
  });

  it('renders survey invitations and questions of every kind in both languages', () => {
    for (const kind of SurveyKind.options) {
      expect(renderSurvey(kind, 'pt-BR', { caseNumber: 'REQ-1' }).body).toContain('REQ-1');
      expect(surveyQuestion(kind, 'pt-BR')).not.toBe(surveyQuestion(kind, 'en'));
    }
    expect(renderSurvey('csat', 'pt-BR', {}).subject).toMatch(/^Como foi o nosso atendimento/);
  });
});
