import { describe, expect, it } from 'vitest';
import { mayUseResponse, mayWriteResponse } from './response-access';

const lena = { roles: ['agent' as const], groups: ['service-desk'] };
const olivia = { roles: ['owner' as const], groups: [] };
const carla = { roles: ['customer' as const], groups: [] };

describe('canned response access', () => {
  it('lets an agent use shared responses and those of their groups only', () => {
    expect(mayUseResponse(lena, [])).toBe(true);
    expect(mayUseResponse(lena, ['service-desk', 'fraud'])).toBe(true);
    expect(mayUseResponse(lena, ['fraud'])).toBe(false);
  });

  it('lets an agent write only responses whose every group is theirs', () => {
    expect(mayWriteResponse(lena, ['service-desk'])).toBe(true);
    expect(mayWriteResponse(lena, ['service-desk', 'fraud'])).toBe(false);
    expect(mayWriteResponse(lena, [])).toBe(false);
  });

  it('lets owners do anything and customers nothing', () => {
    expect(mayWriteResponse(olivia, [])).toBe(true);
    expect(mayUseResponse(olivia, ['fraud'])).toBe(true);
    expect(mayUseResponse(carla, [])).toBe(false);
    expect(mayWriteResponse(carla, ['service-desk'])).toBe(false);
  });
});
