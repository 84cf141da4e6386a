import { describe, expect, it } from 'vitest';
import { allowedAppointeeActions, programmeActions } from './allowed-actions.js';
import type { AppointmentPart } from './policy.js';
import type { AppointeeState } from './tables.js';

describe('appointments: the actions offered', () => {
  it.each([
    [['organiser'], 'nominated', ['review']],
    [['organiser'], 'approved', ['appoint']],
    [['organiser'], 'appointed', ['pair', 'log', 'renew', 'dismiss']],
    [['township'], 'nominated', []],
    [['township'], 'appointed', ['pair', 'log']],
    [['support'], 'appointed', ['log']],
    [['organiser', 'township'], 'rejected', []],
    [['organiser'], 'dismissed', []],
    [[], 'appointed', []],
  ] as [AppointmentPart[], AppointeeState, string[]][])('%j on %s → %j', (parts, state, want) =>
    expect(allowedAppointeeActions(new Set(parts), state)).toEqual(want),
  );
  it('offers nominate to organisers and to townships with posts, appoint to organisers only', () => {
    expect(programmeActions(true, 0)).toEqual(['nominate', 'appoint']);
    expect(programmeActions(false, 3)).toEqual(['nominate']);
    expect(programmeActions(false, 0)).toEqual([]);
  });
});
