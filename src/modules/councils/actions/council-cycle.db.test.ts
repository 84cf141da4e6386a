import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestClock } from '../../../../test/api-world.js';
import type { TestDatabase } from '../../../../test/db.js';
import type { World } from '../../../../test/world.js';
import { perform, residentActor } from '../../../kernel/index.js';
import type { AppError } from '../../../lib/errors.js';
import { noticeComments } from '../tables.js';
import { addAgendaItem } from './add-agenda-item.js';
import { adoptResolution } from './adopt-resolution.js';
import { commentOnNotice } from './comment-on-notice.js';
import { createCouncil } from './create-council.js';
import { recordAttendance } from './record-attendance.js';
import { scheduleMeeting } from './schedule-meeting.js';
import { voteAgendaItem } from './vote-agenda-item.js';

let database: TestDatabase;
let world: World;
let t: TestClock;

beforeAll(async () => ({ database, world, t } = await setUpWorld(new Date('2026-11-23T10:00:00+08:00'))));
afterAll(async () => database.drop());

const seat = (holderName: string) => ({ party: 'resident_rep' as const, holderName, termStart: '2026-01-01', termEnd: '2027-12-31' });

async function passedItem(voteRule?: 'two_thirds_present') {
  const actor = world.actors.operator;
  const { council, seats } = await perform(t.ctx, actor, createCouncil, {
    regionId: world.c1.id,
    name: '议事会',
    voteRule,
    seats: ['甲', '乙', '丙', '丁', '戊', '己'].map(seat),
  });
  const meeting = await perform(t.ctx, actor, scheduleMeeting, {
    councilId: council.id,
    title: '会议',
    place: '会议室',
    startsAt: t.ctx.now(),
  });
  const item = await perform(t.ctx, actor, addAgendaItem, { meetingId: meeting.id, source: 'free', title: '议题' });
  await perform(t.ctx, actor, recordAttendance, { meetingId: meeting.id, presentSeatIds: seats.map((s) => s.id) });
  return { actor, seats, item };
}

describe('council rules applied', () => {
  it('a council may require two thirds of those present', async () => {
    const { actor, seats, item } = await passedItem('two_thirds_present');
    const votes = seats.map((s, i) => ({ seatId: s.id, choice: (i < 4 ? 'for' : 'against') as 'for' | 'against' }));
    expect((await perform(t.ctx, actor, voteAgendaItem, { agendaItemId: item.id, votes })).outcome).toBe('passed');
    const three = seats.map((s, i) => ({ seatId: s.id, choice: (i < 3 ? 'for' : 'against') as 'for' | 'against' }));
    expect((await perform(t.ctx, actor, voteAgendaItem, { agendaItemId: item.id, votes: three })).outcome).toBe('rejected');
  });

  it('takes comments only during the notice period', async () => {
    const { actor, seats, item } = await passedItem();
    await perform(t.ctx, actor, voteAgendaItem, {
      agendaItemId: item.id,
      votes: seats.map((s) => ({ seatId: s.id, choice: 'for' as const })),
    });
    const { resolution } = await perform(t.ctx, actor, adoptResolution, {
      agendaItemId: item.id,
      text: '决议',
      noticeDays: 3,
      actionItems: [],
    });
    expect(resolution.noticeUntil).toBe('2026-11-26');
    t.setNow(new Date('2026-11-26T23:00:00+08:00'));
    await perform(t.ctx, residentActor, commentOnNotice, { resolutionId: resolution.id, body: '最后一天的意见' });
    t.setNow(new Date('2026-11-27T00:30:00+08:00'));
    const late = await perform(t.ctx, residentActor, commentOnNotice, { resolutionId: resolution.id, body: '晚了' }).catch(
      (e: AppError) => e,
    );
    expect((late as AppError).code).toBe('council.notice_closed');
    expect(await database.db.select().from(noticeComments)).toHaveLength(1);
  });
});
