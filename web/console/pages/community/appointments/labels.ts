import type { ToneName } from '../../../tone';
import type { AppointeeRow, Programme } from './types';

/** How each state reads at a glance: the colour beside its words. */
export const stateTone = {
  nominated: 'blue',
  approved: 'orange',
  rejected: 'grey',
  appointed: 'green',
  dismissed: 'red',
} as const satisfies Record<AppointeeRow['state'], ToneName>;

export const targetTone = { met: 'green', on_track: 'blue', behind: 'orange', missed: 'red' } as const satisfies Record<
  Programme['targetStatus'][number]['state'],
  ToneName
>;

/** A share as people say it: 47.6%. */
export const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
