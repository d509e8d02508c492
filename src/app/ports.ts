// Side effects the services need, reached only through these small objects so unit tests can
// pass fakes (a fixed clock, predictable tokens, a mail spy).
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface IdSource {
  /** A new primary key. */
  id(): string;
  /** An unguessable secret for links and sessions (256 bits, base64url). */
  token(): string;
}

export const cryptoIds: IdSource = {
  id: () => randomUUID(),
  token: () => randomBytes(32).toString('base64url'),
};

/** Tokens are stored only as this hash, so a copy of the database opens no survey or session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
