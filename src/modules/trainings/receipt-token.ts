import { randomBytes } from 'node:crypto';
import { sha256 } from '../../lib/hash.js';

/** A learner's receipt token: the token goes to their browser once, only its hash is kept. */
export function newReceiptToken() {
  const token = randomBytes(18).toString('base64url');
  return { token, hash: sha256(token) };
}
