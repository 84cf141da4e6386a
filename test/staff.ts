import { expect } from 'vitest';
import type { TestApi } from './api-world.js';

export type RoleGrant = { role: 'operator' | 'dispatcher' | 'handler' | 'supervisor' | 'admin'; regionId?: number; unitId?: number };

/**
 * A staff account made the way an admin makes one — through the API — then signed in, with a
 * bearer token issued from that session: what a panel member or a unit's handler holds.
 */
export async function staffWithToken(
  api: TestApi,
  adminToken: string,
  who: { username: string; displayName: string; roles?: RoleGrant[] },
) {
  const password = 'password-123';
  const created = await api.call('POST', '/api/v1/users', {
    token: adminToken,
    body: { username: who.username, displayName: who.displayName, password, roles: who.roles ?? [] },
  });
  expect(created.status, created.text).toBe(201);
  const signed = await api.call('POST', '/api/v1/auth/login', { body: { username: who.username, password } });
  expect(signed.status, signed.text).toBe(200);
  const headers = { cookie: signed.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': signed.body.csrfToken };
  const issued = await api.call('POST', '/api/v1/auth/tokens', { headers, body: { name: 'seed-page' } });
  expect(issued.status, issued.text).toBe(201);
  return { id: created.body.id as number, token: issued.body.token as string };
}

/** A unit made by the admin through the API. */
export async function unitViaApi(api: TestApi, adminToken: string, name: string, kind = 'other', regionIds: number[] = []) {
  const r = await api.call('POST', '/api/v1/units', { token: adminToken, body: { name, kind, regionIds } });
  expect(r.status, r.text).toBe(201);
  return r.body.id as number;
}
