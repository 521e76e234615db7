import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { unauthorized } from '../errors';

// Learner sessions are short-lived HS256 JWTs: the Mini App signs in again with fresh initData on open.
const ISSUER = 'telegram-ios-academy';
const AUDIENCE = 'academy-learner';

export interface SessionClaims {
  userId: number;
  telegramId: number;
}

export class SessionTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** Without SESSION_SECRET (development only — production requires it) tokens last until the process restarts. */
  static withEphemeralSecret(ttlSeconds: number): SessionTokens {
    return new SessionTokens(randomBytes(32).toString('base64url'), ttlSeconds);
  }

  async issue(claims: SessionClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    const token = await new SignJWT({ tid: claims.telegramId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.userId))
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<SessionClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const userId = Number(payload.sub);
      const telegramId = Number(payload.tid);
      if (!Number.isSafeInteger(userId) || !Number.isSafeInteger(telegramId)) throw new Error('bad claims');
      return { userId, telegramId };
    } catch {
      throw unauthorized('The session token is invalid or has expired; sign in again', 'session_invalid');
    }
  }
}
