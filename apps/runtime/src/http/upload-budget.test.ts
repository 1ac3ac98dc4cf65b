import { describe, expect, it } from 'vitest';
import { UploadBudget } from './upload-budget';

const MB = 1_000_000;
const HOUR = 3_600_000;

describe('UploadBudget', () => {
  it('lets a user upload an hour’s allowance, then as fast as it refills, each user apart', () => {
    const budget = new UploadBudget(100 * MB);
    expect(budget.take('carla', 60 * MB, 0)).toBe(0);
    expect(budget.take('carla', 40 * MB, 0)).toBe(0);
    // Empty: 10 MB come back in 6 minutes.
    expect(budget.take('carla', 10 * MB, 0)).toBe(360);
    expect(budget.take('ben', 100 * MB, 0)).toBe(0);
    expect(budget.take('carla', 10 * MB, HOUR / 10)).toBe(0);
    // Never more than an hour's worth saved up.
    expect(budget.take('carla', 101 * MB, 10 * HOUR)).toBeGreaterThan(0);
    expect(budget.take('carla', 100 * MB, 10 * HOUR)).toBe(0);
  });

  it('gives back what an upload that was not stored took, and forgets the users unseen longest', () => {
    const budget = new UploadBudget(10 * MB, 2);
    expect(budget.take('a', 10 * MB, 0)).toBe(0);
    budget.refund('a', 4 * MB);
    expect(budget.take('a', 4 * MB, 0)).toBe(0);
    expect(budget.take('a', 1 * MB, 0)).toBeGreaterThan(0);
    budget.take('b', 1, 0);
    budget.take('c', 1, 0);
    // 'a' was evicted: a fresh allowance.
    expect(budget.take('a', 10 * MB, 0)).toBe(0);
  });
});
