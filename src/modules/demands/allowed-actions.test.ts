import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../kernel/index.js';
import { type ActionableDemand, allowedActions } from './allowed-actions.js';

const user = (
  role: UserActor['grants'][number]['role'],
  scope: { regionPath?: string | null; unitId?: number | null } = {},
): UserActor => ({
  kind: 'user',
  userId: 1,
  username: role,
  displayName: role,
  grants: [{ role, regionPath: scope.regionPath ?? null, unitId: scope.unitId ?? null }],
});
const demand = (over: Partial<ActionableDemand>): ActionableDemand => ({
  regionPath: '/1/2/3/',
  unitId: 7,
  state: 'registered',
  type: 'complaint',
  satisfaction: null,
  solved: null,
  extensionPending: false,
  supervised: false,
  ...over,
});

describe('allowed actions (what the console offers)', () => {
  const cases: [string, UserActor, Partial<ActionableDemand>, string[]][] = [
    ['dispatcher, new demand', user('dispatcher'), { unitId: null }, ['dispatch', 'merge', 'decline']],
    ['dispatcher, another district', user('dispatcher', { regionPath: '/9/' }), { unitId: null }, []],
    ['operator, new consultation', user('operator'), { type: 'consultation', unitId: null }, ['answer_directly', 'decline', 'withdraw']],
    ['operator, new complaint', user('operator'), { unitId: null }, ['decline', 'withdraw']],
    [
      'handler of the unit, dispatched',
      user('handler', { unitId: 7 }),
      { state: 'dispatched' },
      ['acknowledge', 'request_transfer', 'return'],
    ],
    ['handler of another unit, dispatched', user('handler', { unitId: 8 }), { state: 'dispatched' }, []],
    [
      'handler, acknowledged',
      user('handler', { unitId: 7 }),
      { state: 'acknowledged' },
      ['reply', 'request_extension', 'request_transfer', 'return'],
    ],
    [
      'handler, extension pending',
      user('handler', { unitId: 7 }),
      { state: 'acknowledged', extensionPending: true },
      ['reply', 'request_transfer', 'return'],
    ],
    [
      'supervisor, extension pending',
      user('supervisor'),
      { state: 'acknowledged', extensionPending: true },
      ['decide_extension', 'supervise'],
    ],
    ['operator, replied', user('operator'), { state: 'replied' }, ['record_callback', 'callback_attempt']],
    [
      'lead unit while an assisting unit has not sent its part: no reply yet',
      user('handler', { unitId: 7 }),
      { state: 'acknowledged', assists: [{ unitId: 8, acknowledged: true, contributed: false }] },
      ['request_extension', 'end_assist', 'request_transfer', 'return'],
    ],
    [
      'lead unit once every assisting unit has sent its part',
      user('handler', { unitId: 7 }),
      { state: 'acknowledged', assists: [{ unitId: 8, acknowledged: true, contributed: true }] },
      ['reply', 'request_extension', 'request_transfer', 'return'],
    ],
    [
      'assisting unit, not yet signed',
      user('handler', { unitId: 8 }),
      { state: 'acknowledged', assists: [{ unitId: 8, acknowledged: false, contributed: false }] },
      ['assist_acknowledge'],
    ],
    [
      'assisting unit, signed',
      user('handler', { unitId: 8 }),
      { state: 'acknowledged', assists: [{ unitId: 8, acknowledged: true, contributed: false }] },
      ['contribute'],
    ],
    [
      'unit asked to take it over',
      user('handler', { unitId: 9 }),
      { state: 'dispatched', transferToUnitId: 9 },
      ['accept_transfer', 'decline_transfer'],
    ],
    [
      'lead unit while its transfer waits',
      user('handler', { unitId: 7 }),
      { state: 'dispatched', transferToUnitId: 9 },
      ['acknowledge', 'return'],
    ],
    ['supervisor, supervised demand', user('supervisor'), { state: 'acknowledged', supervised: true }, ['supervise', 'remind']],
    ['supervisor, satisfied callback', user('supervisor'), { state: 'callback_done', satisfaction: 'satisfied', solved: true }, ['close']],
    [
      'supervisor, unsatisfied callback',
      user('supervisor'),
      { state: 'callback_done', satisfaction: 'unsatisfied', solved: false },
      ['close', 'reopen'],
    ],
    // The unit has replied: no new card, no chase; a card it already has may still be lifted.
    ['supervisor, replied', user('supervisor'), { state: 'replied' }, []],
    ['supervisor, replied under supervision', user('supervisor'), { state: 'replied', supervised: true }, ['supervise']],
    ['supervisor, waiting for dispatch', user('supervisor'), { state: 'registered', unitId: null }, ['supervise']],
    ['supervisor, closed', user('supervisor'), { state: 'closed' }, []],
  ];
  it.each(cases)('%s', (_, actor, over, expected) => {
    expect(allowedActions(actor, demand(over))).toEqual(expected);
  });
});
