import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

// scrypt is memory-hard and ships with Node: N=2^15, r=8 needs 32 MiB per hash and some 80 ms of a core.
// TINGJIAN_PASSWORD_COST (log2 of N, 10–20) tunes new hashes to the machine; a stored hash keeps its own N, so a change
// never locks anyone out. The test projects set 10: they build eight accounts per file, 0.65 s of scrypt at 15.
const defaultCost = 15;
const r = 8;
const p = 1;
const keyLength = 32;

function scrypt(password: string, salt: Buffer, n: number, rr: number, pp: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, keyLength, { N: n, r: rr, p: pp, maxmem: 128 * n * rr * 2 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** scrypt's N for new hashes: 2^TINGJIAN_PASSWORD_COST, 2^15 when unset or out of 10–20. */
export function passwordCostN(): number {
  const cost = Number(process.env.TINGJIAN_PASSWORD_COST);
  return 2 ** (Number.isInteger(cost) && cost >= 10 && cost <= 20 ? cost : defaultCost);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const N = passwordCostN();
  const key = await scrypt(password, salt, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** A hash of nothing at today's cost, checked for unknown usernames so that timing does not tell which exist. */
export function decoyHash(): string {
  return `scrypt$${passwordCostN()}$${r}$${p}$${'A'.repeat(22)}==$${'A'.repeat(43)}=`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), Number(n), Number(rr), Number(pp));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
