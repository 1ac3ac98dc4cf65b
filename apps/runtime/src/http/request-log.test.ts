import { describe, expect, it } from 'vitest';
import { loggedPath } from './request-log';

describe('loggedPath', () => {
  it('masks survey tokens, which are credentials, and keeps other paths', () => {
    expect(loggedPath('/api/surveys/s3cr3t-token')).toBe('/api/surveys/…');
    expect(loggedPath('/api/surveys/s3cr3t-token/extra')).toBe('/api/surveys/…/extra');
    expect(loggedPath('/survey/s3cr3t-token')).toBe('/survey/…');
    expect(loggedPath('/surveys-report')).toBe('/surveys-report');
    expect(loggedPath('/api/cases/c-1/timeline')).toBe('/api/cases/c-1/timeline');
  });
});
