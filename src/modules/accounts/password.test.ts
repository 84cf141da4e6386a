import { afterEach, describe, expect, it } from 'vitest';
import { decoyHash, hashPassword, passwordCostN, verifyPassword } from './password.js';

const cost = process.env.TINGJIAN_PASSWORD_COST;
afterEach(() => {
  if (cost === undefined) delete process.env.TINGJIAN_PASSWORD_COST;
  else process.env.TINGJIAN_PASSWORD_COST = cost;
});

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one, at N=2^15 unless told otherwise', async () => {
    delete process.env.TINGJIAN_PASSWORD_COST;
    const hash = await hashPassword('正确的密码 correct horse');
    expect(hash.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('正确的密码 correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong', hash)).toBe(false);
  });
  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
  it('rejects a malformed stored hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
  it('takes its cost from TINGJIAN_PASSWORD_COST within 10–20, and a hash made at another cost still verifies', async () => {
    for (const [set, n] of [
      ['12', 4096],
      ['9', 32768],
      ['21', 32768],
      ['abc', 32768],
      ['', 32768],
    ] as const) {
      process.env.TINGJIAN_PASSWORD_COST = set;
      expect(passwordCostN(), set).toBe(n);
    }
    process.env.TINGJIAN_PASSWORD_COST = '10';
    const cheap = await hashPassword('一个密码 pass');
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(decoyHash().startsWith('scrypt$1024$8$1$')).toBe(true);
    process.env.TINGJIAN_PASSWORD_COST = '15';
    expect(await verifyPassword('一个密码 pass', cheap)).toBe(true);
    expect(await verifyPassword('一个密码 pas', cheap)).toBe(false);
    expect(await verifyPassword('x', decoyHash())).toBe(false);
  });
});
