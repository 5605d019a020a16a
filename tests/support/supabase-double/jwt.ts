import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

/** The claims Supabase Auth puts in an access token, and that RLS reads through `auth.jwt()`. */
export interface AccessClaims extends JWTPayload {
  sub?: string;
  role: 'anon' | 'authenticated' | 'service_role';
  email?: string;
  session_id?: string;
}

/** Verified tokens kept at most; the cache starts over when full (a test signs in a handful of users). */
const VERIFIED_CACHE_SIZE = 1000;

export class JwtKeys {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, AccessClaims>();

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: AccessClaims, expiresInSeconds: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
      .sign(this.key);
  }

  /**
   * Verifies signature and expiry, as PostgREST does; throws on any problem.
   * A token whose signature was checked once is kept until it expires, as
   * PostgREST's JWT cache does: the signature cannot change, only the clock
   * can, so expiry is checked again on every use. (Checking each request's
   * two tokens with WebCrypto cost the push benchmark about a millisecond of
   * the double's CPU per request.)
   */
  async verify(token: string): Promise<AccessClaims> {
    const known = this.verified.get(token);
    if (known && (known.exp === undefined || known.exp * 1000 > Date.now())) return known;
    this.verified.delete(token);
    const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
    const role = payload.role;
    if (role !== 'anon' && role !== 'authenticated' && role !== 'service_role') throw new Error('JWT role claim is not a known role');
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear();
    this.verified.set(token, payload as AccessClaims);
    return payload as AccessClaims;
  }
}
