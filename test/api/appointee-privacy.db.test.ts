// Who reads a programme's appointees (names, backgrounds, letter numbers): its organisers and the admins and
// supervisors over its region, a township's organisers only their own posts, and no one else in the region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { staffWithToken } from '../staff.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld(new Date('2025-03-01T01:00:00Z'))));
afterAll(() => tearDownApiWorld({ database, api }));

type Row = { id: number; name: string };

describe('a programme’s appointees', () => {
  it('are read by its organisers in full, by a township’s organisers for their posts, and by no township dispatcher', async () => {
    const op = world.tokens.operator;
    const t1Village = await api.call('POST', '/api/v1/regions', {
      token: world.tokens.admin,
      body: { parentId: world.t1.id, level: 'community', name: '桂花村', code: 'D1v' },
    });
    expect(t1Village.status, t1Village.text).toBe(201);
    const programme = await api.call('POST', '/api/v1/appointment-programmes', {
      token: op,
      body: {
        name: '产业村长',
        regionId: world.district.id,
        postKind: 'village',
        rules: '目标：推动乡村产业振兴。',
        duties: ['产业规划', '项目引进'],
        targets: [{ by: '2025-12-31', share: 1 }],
        termMonths: 36,
      },
    });
    expect(programme.status, programme.text).toBe(201);
    const pid = programme.body.id as number;
    const nominated = await api.call('POST', `/api/v1/appointment-programmes/${pid}/candidates`, {
      token: op,
      body: {
        candidates: [
          { postRegionId: world.c3.id, name: '河坝村人选', background: '合作社理事长', nominatedBy: 'township' },
          { postRegionId: t1Village.body.id, name: '桂花村人选', background: '返乡创业者', nominatedBy: 'self' },
        ],
      },
    });
    expect(nominated.status, nominated.text).toBe(201);
    const [inT2, inT1] = nominated.body.ids as number[];
    const list = (token: string) => api.call('GET', `/api/v1/appointment-programmes/${pid}/appointees`, { token });

    // The district's organiser, supervisor and admin: every post.
    for (const token of [op, world.tokens.supervisor, world.tokens.admin]) {
      expect(((await list(token)).body.items as Row[]).map((r) => r.name).sort()).toEqual(['桂花村人选', '河坝村人选']);
    }
    // 丽发镇's organiser: its own village only; the other township's appointee is not there to read.
    expect(((await list(world.tokens.operatorT2)).body.items as Row[]).map((r) => r.id)).toEqual([inT2]);
    expect((await api.call('GET', `/api/v1/appointees/${inT1}`, { token: world.tokens.operatorT2 })).status).toBe(404);
    expect((await api.call('GET', `/api/v1/appointees/${inT2}`, { token: world.tokens.operatorT2 })).status).toBe(200);
    // A township's dispatcher and a unit's handler organise nothing: the programme is not there for them.
    const dispatcher = await staffWithToken(api, world.tokens.admin, {
      username: 'lifa.dispatch',
      displayName: '丽发镇 派单员',
      roles: [{ role: 'dispatcher', regionId: world.t2.id }],
    });
    for (const token of [dispatcher.token, world.tokens.handlerT1]) {
      expect((await api.call('GET', `/api/v1/appointment-programmes/${pid}`, { token })).status).toBe(404);
      expect((await list(token)).status).toBe(404);
      expect((await api.call('GET', `/api/v1/appointees/${inT2}`, { token })).status).toBe(404);
    }
  });
});
