import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../kernel/index.js';
import type { Role } from '../accounts/index.js';
import { type DemandAction, demandActions, nextState, transitions } from './lifecycle.js';
import { actionRules, maskPhone, mayAct, maySeePhone, mayView } from './policy.js';
import { type DemandState, demandStates } from './tables.js';

// Expected next state for every (state, action): null = forbidden. Written out in full so a
// change to the lifecycle must change this table too.
const F = null;
const S = 'same';
const expected: Record<DemandState, Record<Exclude<DemandAction, 'register'>, DemandState | null | 'same'>> = {
  registered: {
    dispatch: 'dispatched',
    acknowledge: F,
    return: F,
    reply: F,
    answer_directly: 'replied',
    record_callback: F,
    close: F,
    reopen: F,
    merge: 'merged',
    decline: 'declined',
    withdraw: 'withdrawn',
    request_extension: F,
    decide_extension: F,
    supervise: S,
    remind: S,
    escalate: S,
    assist_acknowledge: F,
    contribute: F,
    end_assist: F,
    request_transfer: F,
    accept_transfer: F,
    decline_transfer: F,
    callback_attempt: F,
    rate_merged: F,
  },
  dispatched: {
    dispatch: F,
    acknowledge: 'acknowledged',
    return: 'returned',
    reply: F,
    answer_directly: F,
    record_callback: F,
    close: F,
    reopen: F,
    merge: 'merged',
    decline: F,
    withdraw: 'withdrawn',
    request_extension: F,
    decide_extension: S,
    supervise: S,
    remind: S,
    escalate: S,
    assist_acknowledge: S,
    contribute: S,
    end_assist: S,
    request_transfer: S,
    accept_transfer: 'dispatched',
    decline_transfer: S,
    callback_attempt: F,
    rate_merged: F,
  },
  acknowledged: {
    dispatch: F,
    acknowledge: F,
    return: 'returned',
    reply: 'replied',
    answer_directly: F,
    record_callback: F,
    close: F,
    reopen: F,
    merge: 'merged',
    decline: F,
    withdraw: 'withdrawn',
    request_extension: S,
    decide_extension: S,
    supervise: S,
    remind: S,
    escalate: S,
    assist_acknowledge: S,
    contribute: S,
    end_assist: S,
    request_transfer: S,
    accept_transfer: 'dispatched',
    decline_transfer: S,
    callback_attempt: F,
    rate_merged: F,
  },
  returned: {
    dispatch: 'dispatched',
    acknowledge: F,
    return: F,
    reply: F,
    answer_directly: F,
    record_callback: F,
    close: F,
    reopen: F,
    merge: 'merged',
    decline: 'declined',
    withdraw: 'withdrawn',
    request_extension: F,
    decide_extension: F,
    supervise: S,
    remind: S,
    escalate: S,
    assist_acknowledge: F,
    contribute: F,
    end_assist: F,
    request_transfer: F,
    accept_transfer: F,
    decline_transfer: F,
    callback_attempt: F,
    rate_merged: F,
  },
  replied: {
    dispatch: F,
    acknowledge: F,
    return: F,
    reply: F,
    answer_directly: F,
    record_callback: 'callback_done',
    close: F,
    reopen: F,
    merge: F,
    decline: F,
    withdraw: F,
    request_extension: F,
    decide_extension: F,
    supervise: S,
    remind: S,
    escalate: S,
    assist_acknowledge: F,
    contribute: F,
    end_assist: F,
    request_transfer: F,
    accept_transfer: F,
    decline_transfer: F,
    callback_attempt: S,
    rate_merged: F,
  },
  callback_done: {
    dispatch: F,
    acknowledge: F,
    return: F,
    reply: F,
    answer_directly: F,
    record_callback: F,
    close: 'closed',
    reopen: 'dispatched',
    merge: F,
    decline: F,
    withdraw: F,
    request_extension: F,
    decide_extension: F,
    supervise: S,
    remind: S,
    escalate: S,
    assist_acknowledge: F,
    contribute: F,
    end_assist: F,
    request_transfer: F,
    accept_transfer: F,
    decline_transfer: F,
    callback_attempt: F,
    rate_merged: F,
  },
  closed: {
    dispatch: F,
    acknowledge: F,
    return: F,
    reply: F,
    answer_directly: F,
    record_callback: F,
    close: F,
    reopen: F,
    merge: F,
    decline: F,
    withdraw: F,
    request_extension: F,
    decide_extension: F,
    supervise: F,
    remind: F,
    escalate: F,
    assist_acknowledge: F,
    contribute: F,
    end_assist: F,
    request_transfer: F,
    accept_transfer: F,
    decline_transfer: F,
    callback_attempt: F,
    rate_merged: F,
  },
  declined: {
    dispatch: F,
    acknowledge: F,
    return: F,
    reply: F,
    answer_directly: F,
    record_callback: F,
    close: F,
    reopen: F,
    merge: F,
    decline: F,
    withdraw: F,
    request_extension: F,
    decide_extension: F,
    supervise: F,
    remind: F,
    escalate: F,
    assist_acknowledge: F,
    contribute: F,
    end_assist: F,
    request_transfer: F,
    accept_transfer: F,
    decline_transfer: F,
    callback_attempt: F,
    rate_merged: F,
  },
  withdrawn: {
    dispatch: F,
    acknowledge: F,
    return: F,
    reply: F,
    answer_directly: F,
    record_callback: F,
    close: F,
    reopen: F,
    merge: F,
    decline: F,
    withdraw: F,
    request_extension: F,
    decide_extension: F,
    supervise: F,
    remind: F,
    escalate: F,
    assist_acknowledge: F,
    contribute: F,
    end_assist: F,
    request_transfer: F,
    accept_transfer: F,
    decline_transfer: F,
    callback_attempt: F,
    rate_merged: F,
  },
  merged: {
    dispatch: F,
    acknowledge: F,
    return: F,
    reply: F,
    answer_directly: F,
    record_callback: F,
    close: F,
    reopen: F,
    merge: F,
    decline: F,
    withdraw: F,
    request_extension: F,
    decide_extension: F,
    supervise: F,
    remind: F,
    escalate: F,
    assist_acknowledge: F,
    contribute: F,
    end_assist: F,
    request_transfer: F,
    accept_transfer: F,
    decline_transfer: F,
    callback_attempt: F,
    rate_merged: S,
  },
};

const cases = demandStates.flatMap((state) => demandActions.filter((a) => a !== 'register').map((action) => [state, action] as const));

describe('lifecycle', () => {
  it.each(cases)('%s + %s', (state, action) => {
    const want = expected[state][action as Exclude<DemandAction, 'register'>];
    expect(nextState(action, state)).toBe(want === 'same' ? state : want);
  });
  it('register only creates', () => {
    for (const s of demandStates) expect(nextState('register', s)).toBeNull();
    expect(transitions.register.to).toBe('registered');
  });
});

// Region tree for the policy: district /1/, township /1/2/, community /1/2/3/; another township /1/9/.
// Unit 50 leads, 51 is asked to assist (not yet acknowledged), 52 is asked to take it over (转办).
const demand = {
  regionPath: '/1/2/3/',
  unitId: 50,
  assists: [{ unitId: 51, acknowledged: false, contributed: false }],
  transferToUnitId: 52,
};
const user = (...grants: Grant[]): Actor => ({ kind: 'user', userId: 1, username: 'u', displayName: 'u', grants });
const g = (role: Role, regionPath: string | null, unitId: number | null = null): Grant => ({ role, regionPath, unitId });

const actors: Record<string, Actor> = {
  resident: { kind: 'resident' },
  operatorHere: user(g('operator', '/1/2/')),
  operatorElsewhere: user(g('operator', '/1/9/')),
  dispatcherDistrict: user(g('dispatcher', '/1/')),
  dispatcherElsewhere: user(g('dispatcher', '/1/9/')),
  handlerOwner: user(g('handler', null, 50)),
  handlerOther: user(g('handler', null, 51)),
  handlerReceiving: user(g('handler', null, 52)),
  supervisorAll: user(g('supervisor', null)),
  admin: user(g('admin', null)),
  nobody: user(),
};

// Which actors may take each action on `demand` (state permitting).
const allowed: Record<DemandAction, string[]> = {
  register: ['resident', 'operatorHere', 'admin'],
  dispatch: ['dispatcherDistrict', 'admin'],
  acknowledge: ['handlerOwner', 'admin'],
  return: ['handlerOwner', 'admin'],
  reply: ['handlerOwner', 'admin'],
  answer_directly: ['operatorHere', 'admin'],
  record_callback: ['resident', 'operatorHere', 'admin'],
  close: ['operatorHere', 'supervisorAll', 'admin'],
  reopen: ['supervisorAll', 'admin'],
  merge: ['dispatcherDistrict', 'admin'],
  decline: ['operatorHere', 'dispatcherDistrict', 'admin'],
  withdraw: ['resident', 'operatorHere', 'admin'],
  request_extension: ['handlerOwner', 'admin'],
  decide_extension: ['supervisorAll', 'admin'],
  supervise: ['supervisorAll', 'admin'],
  remind: ['supervisorAll', 'admin'],
  // The escalation rules alone (the system actor): not even an admin raises a level by hand this way.
  escalate: [],
  // A unit's own steps: an admin speaks for no unit.
  assist_acknowledge: ['handlerOther'],
  contribute: [],
  end_assist: ['dispatcherDistrict', 'handlerOwner', 'admin'],
  request_transfer: ['handlerOwner', 'admin'],
  accept_transfer: ['handlerReceiving'],
  decline_transfer: ['handlerReceiving'],
  callback_attempt: ['operatorHere', 'admin'],
  rate_merged: ['resident', 'operatorHere', 'admin'],
};

describe('authorization matrix', () => {
  const matrix = demandActions.flatMap((action) => Object.keys(actors).map((who) => [action, who] as const));
  it.each(matrix)('%s by %s', (action, who) => {
    expect(mayAct(actors[who], action, demand)).toBe(allowed[action].includes(who));
  });

  it('every action but the system\u2019s escalation names at least one role', () => {
    for (const a of demandActions) if (a !== 'escalate') expect(actionRules[a].roles.length).toBeGreaterThan(0);
  });

  it('an assisting unit contributes once it has acknowledged', () => {
    const acknowledged = { ...demand, assists: [{ unitId: 51, acknowledged: true, contributed: false }] };
    expect(mayAct(actors.handlerOther, 'contribute', acknowledged)).toBe(true);
    expect(mayAct(actors.handlerOther, 'assist_acknowledge', acknowledged)).toBe(false);
    expect(mayAct(actors.handlerOther, 'reply', acknowledged)).toBe(false);
  });

  it.each([
    ['operatorHere', true],
    ['operatorElsewhere', false],
    ['dispatcherDistrict', true],
    ['dispatcherElsewhere', false],
    ['handlerOwner', true],
    ['handlerOther', false],
    ['supervisorAll', true],
    ['resident', false],
    ['nobody', false],
  ] as const)('view by %s → %s', (who, want) => {
    expect(mayView(actors[who], demand)).toBe(want);
  });

  it('a handler keeps sight of a demand its unit once held', () => {
    expect(mayView(actors.handlerOther, { ...demand, unitId: null }, [51])).toBe(true);
  });

  it.each([
    ['operatorHere', true],
    ['handlerOwner', true],
    ['dispatcherDistrict', false],
    ['supervisorAll', false],
    ['admin', true],
  ] as const)('phone visible to %s → %s', (who, want) => {
    expect(maySeePhone(actors[who], demand)).toBe(want);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['62345678', '****5678'],
    ['123', '***'],
    [null, null],
  ])('masks %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
