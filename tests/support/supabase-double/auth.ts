import { randomBytes, randomInt, randomUUID, createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { JwtKeys } from './jwt';

/**
 * The Supabase Auth (GoTrue) endpoints Sidecar uses: email one-time codes,
 * Google through an authorization code with PKCE, token refresh, the current
 * user and sign-out. Users are real rows of `auth.users`, so triggers and
 * RLS see them as in a Supabase project. Codes are kept in memory and handed
 * to tests through `sentCodes`, the way Supabase's local mail catcher does.
 */
export interface AuthSettings {
  accessTokenSeconds: number;
  /** The address the Google flow signs in as (the double has no Google). */
  googleEmail?: string;
}

interface RefreshToken {
  userId: string;
  email: string;
  sessionId: string;
  used: boolean;
}

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }

  /** GoTrue's error body, which auth-js reads. */
  body() {
    return { code: this.status, error_code: this.errorCode, msg: this.message };
  }
}

export class AuthService {
  /** Codes "sent by email", newest last, per address. */
  readonly sentCodes = new Map<string, string[]>();
  private readonly pendingCodes = new Map<string, { code: string; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly authCodes = new Map<string, { email: string; challenge: string; method: string }>();

  constructor(
    private readonly pool: Pool,
    private readonly keys: JwtKeys,
    private readonly settings: AuthSettings,
  ) {}

  requestEmailCode(email: string): void {
    const address = normaliseEmail(email);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.pendingCodes.set(address, { code, expiresAt: Date.now() + 10 * 60_000 });
    this.sentCodes.set(address, [...(this.sentCodes.get(address) ?? []), code]);
  }

  async verifyEmailCode(email: string, token: string) {
    const address = normaliseEmail(email);
    const pending = this.pendingCodes.get(address);
    if (!pending || pending.code !== token || pending.expiresAt < Date.now()) {
      throw new AuthError(403, 'otp_expired', 'Token has expired or is invalid');
    }
    this.pendingCodes.delete(address);
    return this.issueSession(await this.ensureUser(address, 'email'));
  }

  /** `/authorize`: the double signs in as `googleEmail` straight away and returns the code for the redirect. */
  authorizeGoogle(codeChallenge: string, method: string): string {
    if (!this.settings.googleEmail) throw new AuthError(400, 'provider_disabled', 'Google sign-in is not set up on this server');
    const code = randomUUID();
    this.authCodes.set(code, { email: normaliseEmail(this.settings.googleEmail), challenge: codeChallenge, method });
    return code;
  }

  async exchangeAuthCode(authCode: string, verifier: string) {
    const entry = this.authCodes.get(authCode);
    this.authCodes.delete(authCode);
    const expected = entry?.method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
    if (!entry || entry.challenge !== expected) throw new AuthError(400, 'bad_code_verifier', 'code challenge does not match previously saved code verifier');
    return this.issueSession(await this.ensureUser(entry.email, 'google'));
  }

  async refresh(refreshToken: string) {
    const entry = this.refreshTokens.get(refreshToken);
    if (!entry || entry.used) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    entry.used = true;
    return this.issueSession({ id: entry.userId, email: entry.email, provider: 'email' }, entry.sessionId);
  }

  async userFor(userId: string) {
    const { rows } = await this.pool.query<{ id: string; email: string; created_at: Date }>('select id, email, created_at from auth.users where id = $1', [userId]);
    const row = rows[0];
    if (!row) throw new AuthError(404, 'user_not_found', 'User not found');
    return userJson(row.id, row.email, 'email', row.created_at);
  }

  signOut(sessionId: string | undefined): void {
    for (const entry of this.refreshTokens.values()) if (entry.sessionId === sessionId) entry.used = true;
  }

  private async ensureUser(email: string, provider: string): Promise<{ id: string; email: string; provider: string }> {
    const { rows } = await this.pool.query<{ id: string }>(
      // Entering a code proves the address, as Supabase Auth records with
      // `email_confirmed_at`; Sidecar's invitations join on that moment.
      `insert into auth.users (id, email, email_confirmed_at, raw_app_meta_data) values ($1, $2, now(), $3)
       on conflict (email) do update set updated_at = now(), email_confirmed_at = coalesce(auth.users.email_confirmed_at, now())
       returning id`,
      [randomUUID(), email, JSON.stringify({ provider, providers: [provider] })],
    );
    return { id: rows[0]!.id, email, provider };
  }

  private async issueSession(user: { id: string; email: string; provider: string }, sessionId: string = randomUUID()) {
    const expiresIn = this.settings.accessTokenSeconds;
    const accessToken = await this.keys.sign(
      { sub: user.id, role: 'authenticated', aud: 'authenticated', email: user.email, session_id: sessionId, aal: 'aal1', is_anonymous: false },
      expiresIn,
    );
    const refreshToken = randomBytes(24).toString('base64url');
    this.refreshTokens.set(refreshToken, { userId: user.id, email: user.email, sessionId, used: false });
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: expiresIn,
      expires_at: Math.floor(Date.now() / 1000) + expiresIn,
      refresh_token: refreshToken,
      user: userJson(user.id, user.email, user.provider, new Date()),
    };
  }
}

function normaliseEmail(email: string): string {
  const address = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format');
  return address;
}

function userJson(id: string, email: string, provider: string, createdAt: Date) {
  const at = createdAt.toISOString();
  return {
    id,
    aud: 'authenticated',
    role: 'authenticated',
    email,
    email_confirmed_at: at,
    phone: '',
    confirmed_at: at,
    last_sign_in_at: new Date().toISOString(),
    app_metadata: { provider, providers: [provider] },
    user_metadata: {},
    identities: [],
    created_at: at,
    updated_at: at,
    is_anonymous: false,
  };
}
