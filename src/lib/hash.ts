import { createHash } from 'node:crypto';

/** Hex SHA-256 of a string: how secrets (session ids, query codes, phone keys) are stored. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
