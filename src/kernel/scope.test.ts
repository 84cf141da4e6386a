import { describe, expect, it } from 'vitest';
import { type Actor, type Grant, residentActor, systemActor } from './actor.js';
import { handledUnitIds, organisesUnder, reachesOrWithin } from './scope.js';

// The readings of grants that programmes and inboxes take, each from the one interpreter (scopeOf): who organises
// inside a district programme's region, who may see a programme, whose unit's work a handler does.
const user = (...grants: Grant[]): Actor => ({ kind: 'user', userId: 1, username: 'u', displayName: 'u', grants });
const district = '/1/';
const township = '/1/4/';
const otherTownship = '/1/5/';
const g = (role: Grant['role'], regionPath: string | null, unitId: number | null = null): Grant => ({ role, regionPath, unitId });

describe('organisesUnder: an organiser grant for a region inside this one', () => {
  it.each([
    ['township operator, district programme', user(g('operator', township)), district, true],
    ['township supervisor, district programme', user(g('supervisor', township)), district, true],
    ['township operator, its own township', user(g('operator', township)), township, true],
    ['township operator, another township', user(g('operator', township)), otherTownship, false],
    ['district operator, township programme (above it, not inside)', user(g('operator', district)), township, false],
    ['township dispatcher (not an organiser)', user(g('dispatcher', township)), district, false],
    ['handler', user(g('handler', null, 7)), district, false],
    ['resident', residentActor, district, false],
  ] as const)('%s → %s', (_, actor, path, want) => expect(organisesUnder(actor, path)).toBe(want));
});

describe('reachesOrWithin: grants reaching a region or lying inside it', () => {
  it.each([
    ['admin', user(g('admin', null)), township, true],
    ['installation-wide supervisor', user(g('supervisor', null)), township, true],
    ['district supervisor, township programme', user(g('supervisor', district)), township, true],
    ['township operator, district programme', user(g('operator', township)), district, true],
    ['township operator, another township', user(g('operator', township)), otherTownship, false],
    ['handler of a unit', user(g('handler', null, 7)), otherTownship, true],
    ['system', systemActor, township, true],
    ['resident', residentActor, township, false],
  ] as const)('%s → %s', (_, actor, path, want) => expect(reachesOrWithin(actor, path)).toBe(want));
});

describe('handledUnitIds: the units whose work a handler does', () => {
  it.each([
    ['one handler grant', user(g('handler', null, 7)), [7]],
    ['two, beside a supervisor grant', user(g('handler', null, 7), g('supervisor', township), g('handler', null, 9)), [7, 9]],
    ['an admin handles no unit', user(g('admin', null)), []],
    ['the system', systemActor, []],
    ['a resident', residentActor, []],
  ] as const)('%s → %j', (_, actor, want) => expect(handledUnitIds(actor)).toEqual(want));
});
