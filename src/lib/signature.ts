import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed HTTP between Tingjian and outside systems (SMS provider, the city's 12345): HMAC-SHA256
 * over "timestamp.body" with a shared secret, so a receiver can check who sent it and refuse replays.
 */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export const signatureHeaders = (secret: string, body: string, now: Date) => {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { 'X-Tingjian-Timestamp': timestamp, 'X-Tingjian-Signature': signPayload(secret, timestamp, body) };
};

/** True when the signature matches and the timestamp is within five minutes of now. */
export function verifySignature(
  secret: string,
  body: string,
  timestamp: string | undefined,
  signature: string | undefined,
  now: Date,
): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > 300) return false;
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
