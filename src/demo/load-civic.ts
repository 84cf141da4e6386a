import { type Actor, type AppContext, perform } from '../kernel/index.js';
import { addDays, localDay } from '../modules/calendar/index.js';
import { addAgendaItem, createCouncil, scheduleMeeting } from '../modules/councils/index.js';
import { submitProposal } from '../modules/proposals/index.js';
import { recordReceptionEntry, scheduleReceptionDay } from '../modules/receptions/index.js';

/**
 * The community side of the demo's story, all at 宝城社区 where the street lamps keep failing: its
 * 四方议事会 with a meeting on the lamps coming up, the secretary's reception day (held last week, with
 * what residents raised there, and the next one), and a resident proposal for the riverside path.
 */
export async function loadCivic(
  ctx: AppContext,
  at: (day: string) => AppContext,
  who: { operator: Actor },
  place: { community: number; categoryId: number | null },
): Promise<void> {
  const today = localDay(ctx.now());
  const termEnd = addDays(today, 3 * 365);
  const { council } = await perform(at(addDays(today, -60)), who.operator, createCouncil, {
    regionId: place.community,
    name: '宝城社区四方议事会',
    seats: [
      { party: 'party_org', holderName: '刘书记', position: 'chair', termStart: addDays(today, -60), termEnd },
      { party: 'residents_committee', holderName: '居委会 周主任', position: 'secretary', termStart: addDays(today, -60), termEnd },
      { party: 'owners_committee', holderName: '业委会 何主任', termStart: addDays(today, -60), termEnd },
      { party: 'property_company', holderName: '宜居物业 郑经理', termStart: addDays(today, -60), termEnd },
      { party: 'resident_rep', holderName: '居民代表 吴大爷', termStart: addDays(today, -60), termEnd },
    ],
  });
  const meeting = await perform(at(addDays(today, -1)), who.operator, scheduleMeeting, {
    councilId: council.id,
    title: '滨河路夜间照明与广场舞时段协商',
    place: '宝城社区党群服务中心二楼',
    startsAt: new Date(`${addDays(today, 3)}T19:00:00+08:00`),
  });
  for (const item of [
    { title: '滨河路路灯反复损坏的修复方案', description: '近两周多名居民反映滨河路路灯不亮，请城管、物业说明原因与修复时限。' },
    { title: '滨河广场广场舞时段与音量约定', description: '协商晚间活动结束时间与音响音量，兼顾休息与健身。' },
  ]) {
    await perform(at(addDays(today, -1)), who.operator, addAgendaItem, { meetingId: meeting.id, source: 'free', ...item });
  }

  const held = await perform(at(addDays(today, -14)), who.operator, scheduleReceptionDay, {
    title: '书记工作室接待日',
    regionId: place.community,
    hosts: '刘书记、周主任',
    place: '宝城社区书记工作室',
    startsAt: new Date(`${addDays(today, -7)}T09:00:00+08:00`),
    endsAt: new Date(`${addDays(today, -7)}T11:30:00+08:00`),
  });
  const raised = [
    { content: '滨河路步道有几块地砖松动，老人散步容易绊倒。', reporterName: '吴大爷' },
    { content: '小区东门外晚上有人占道摆摊，油烟很大。', reporterName: '黄阿姨' },
  ];
  for (const [i, r] of raised.entries()) {
    await perform(at(addDays(today, -7)), who.operator, recordReceptionEntry, {
      receptionDayId: held.id,
      idempotencyKey: `demo-reception-${i}`,
      type: 'complaint',
      content: r.content,
      reporterName: r.reporterName,
      reporterContact: '书记工作室登记，社区代为联系',
      regionId: place.community,
      categoryId: place.categoryId,
    });
  }
  await perform(at(addDays(today, -2)), who.operator, scheduleReceptionDay, {
    title: '书记工作室接待日',
    regionId: place.community,
    hosts: '刘书记',
    place: '宝城社区书记工作室',
    startsAt: new Date(`${addDays(today, 5)}T09:00:00+08:00`),
    endsAt: new Date(`${addDays(today, 5)}T11:30:00+08:00`),
  });

  await perform(at(addDays(today, -5)), who.operator, submitProposal, {
    regionId: place.community,
    title: '在滨河步道增设休息座椅',
    body: '滨河步道全长两公里没有一把座椅，老人走一半就累了，建议每隔三百米设一处座椅。（居民在窗口口述，受理员代为提交）',
    name: '吴大爷',
    phone: '13800001234',
  });
}
