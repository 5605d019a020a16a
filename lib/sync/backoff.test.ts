import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('backoffDelay', () => {
  it('waits nothing before any failure', () => {
    expect(backoffDelay(0, policy, () => 0.99)).toBe(0);
  });

  it('doubles the bound with each failure', () => {
    const top = () => 0.999999;
    expect(backoffDelay(1, policy, top)).toBe(999);
    expect(backoffDelay(2, policy, top)).toBe(1_999);
    expect(backoffDelay(4, policy, top)).toBe(7_999);
  });

  it('never exceeds the cap, even after many failures', () => {
    expect(backoffDelay(50, policy, () => 0.999999)).toBeLessThanOrEqual(60_000);
    expect(backoffDelay(50, policy, () => 0.999999)).toBeGreaterThan(59_000);
  });

  it('spreads retries anywhere between zero and the bound (full jitter)', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2_000);
  });
});
