import { describe, expect, it } from 'vitest';
import { errorMessage } from '../hooks/useResource';
import { useLocale } from '../i18n/use-locale';
import { toApiError } from './api-error';
import { errorText } from './error-text';

const refusal = (status: number, code: string, message: string, details?: unknown) =>
  toApiError(status, { error: { code, message, details } });

describe('errorText', () => {
  it('gives English readers the runtime’s own words', () => {
    expect(errorText(refusal(403, 'forbidden', 'only agents deliver signals to a case'), 'en')).toBe(
      'only agents deliver signals to a case',
    );
  });

  it('says what an error means in Portuguese first, by its code, then the runtime’s words', () => {
    expect(errorText(refusal(403, 'forbidden', 'only agents deliver signals to a case'), 'pt-BR')).toBe(
      'Você não tem permissão para fazer isto. (only agents deliver signals to a case)',
    );
    const fields = refusal(400, 'validation', 'invalid request', [{ path: 'body', message: 'Required' }]);
    expect(errorText(fields, 'pt-BR')).toBe(
      'Parte do que foi enviado não é válida. (invalid request: body: Required)',
    );
  });

  it('falls back on the status for a code it does not know', () => {
    expect(errorText(refusal(429, 'slow-down', 'wait'), 'pt-BR')).toMatch(/^Tentativas demais\./);
    expect(errorText(refusal(502, 'http-502', 'bad gateway'), 'pt-BR')).toMatch(
      /^Algo deu errado no servidor\./,
    );
    expect(errorText(refusal(418, 'teapot', 'no'), 'pt-BR')).toBe('A solicitação foi recusada. (no)');
  });

  it('has a meaning for every code the runtime answers with', () => {
    for (const code of [
      'validation',
      'malformed-json',
      'unauthorized',
      'invalid-credentials',
      'account-inactive',
      'forbidden',
      'not-found',
      'conflict',
      'draft-conflict',
      'event-not-allowed',
      'not-eligible',
      'flow-invalid',
      'incident',
      'payload-too-large',
      'upload-quota',
      'unsupported-media-type',
      'busy',
      'too-many-streams',
      'too-many-chats',
      'too-many-messages',
    ])
      expect(errorText(refusal(400, code, 'x'), 'pt-BR'), code).not.toMatch(/^A solicitação foi recusada/);
  });
});

describe('errorMessage', () => {
  it('tells an API error in the language of the screens', () => {
    const e = refusal(404, 'not-found', 'case "k9" not found');
    useLocale.getState().setLocale('pt-BR');
    expect(errorMessage(e)).toBe('Isto não existe mais, ou você não pode vê-lo. (case "k9" not found)');
    useLocale.getState().setLocale('en');
    expect(errorMessage(e)).toBe('case "k9" not found');
  });
});
