import { afterEach, describe, expect, it, vi } from 'vitest';
import { JwtKeys } from '../support/supabase-double/jwt';

/**
 * The Supabase test double keeps tokens it has verified (as PostgREST's JWT
 * cache does). What a client sees must not change: an expired token is
 * refused even if it was accepted a moment ago, and a token is only ever
 * accepted with the project's signature.
 */
describe('the double’s verified-token cache', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a token it accepted once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
    const keys = new JwtKeys('a-secret-of-at-least-thirty-two-characters!');
    const token = await keys.sign({ role: 'authenticated', sub: '00000000-0000-4000-8000-000000000001' }, 60);
    await expect(keys.verify(token)).resolves.toMatchObject({ role: 'authenticated' });
    await expect(keys.verify(token)).resolves.toMatchObject({ role: 'authenticated' });
    vi.setSystemTime(new Date('2026-11-22T10:01:01Z'));
    await expect(keys.verify(token)).rejects.toThrow(/exp/);
  });

  it('accepts only tokens signed with the project’s secret, cached or not', async () => {
    const keys = new JwtKeys('a-secret-of-at-least-thirty-two-characters!');
    const forger = new JwtKeys('another-secret-of-at-least-thirty-two-chars');
    const genuine = await keys.sign({ role: 'authenticated', sub: '00000000-0000-4000-8000-000000000001' }, 60);
    await keys.verify(genuine);
    const forged = await forger.sign({ role: 'service_role' }, 60);
    await expect(keys.verify(forged)).rejects.toThrow();
    const [header, payload] = genuine.split('.');
    await expect(keys.verify(`${header}.${payload}.${forged.split('.')[2]}`)).rejects.toThrow();
  });
});
