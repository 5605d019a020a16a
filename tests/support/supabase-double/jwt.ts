import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

/** The claims Supabase Auth puts in an access token, and that RLS reads through `auth.jwt()`. */
export interface AccessClaims extends JWTPayload {
  sub?: string;
  role: 'anon' | 'authenticated' | 'service_role';
  email?: string;
  session_id?: string;
}

export class JwtKeys {
  private readonly key: Uint8Array;

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

  /** Verifies signature and expiry, as PostgREST does; throws on any problem. */
  async verify(token: string): Promise<AccessClaims> {
    const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
    const role = payload.role;
    if (role !== 'anon' && role !== 'authenticated' && role !== 'service_role') throw new Error('JWT role claim is not a known role');
    return payload as AccessClaims;
  }
}
