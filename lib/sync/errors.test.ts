import { describe, expect, it } from 'vitest';
import { classifyFailure } from './errors';

describe('classifyFailure', () => {
  it('retries when no answer came (network cut, timeout)', () => {
    expect(classifyFailure({ status: 0, code: null, message: 'fetch failed' })).toBe('retry');
  });

  it('retries server errors and deadlocks', () => {
    expect(classifyFailure({ status: 500, code: 'XX000', message: 'injected failure' })).toBe('retry');
    expect(classifyFailure({ status: 503, code: null, message: 'unavailable' })).toBe('retry');
    expect(classifyFailure({ status: 400, code: '40P01', message: 'deadlock detected' })).toBe('retry');
  });

  it('refreshes the session on 401', () => {
    expect(classifyFailure({ status: 401, code: 'PGRST303', message: 'JWT expired' })).toBe('refresh');
  });

  it('keeps payload refusals as permanent failures', () => {
    expect(classifyFailure({ status: 400, code: 'SCREQ', message: 'name is required' })).toBe('permanent');
    expect(classifyFailure({ status: 403, code: 'SCAUT', message: 'Only its author' })).toBe('permanent');
    expect(classifyFailure({ status: 404, code: 'PGRST202', message: 'no function' })).toBe('permanent');
  });
});
