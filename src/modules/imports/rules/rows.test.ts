import { describe, expect, it } from 'vitest';
import { parseTime, readRow } from './rows.js';

const cols = { number: 'id', content: 'body', createdAt: 'time', title: 'title', replyText: 'reply', repliedAt: 'reply_time' };
const good = {
  id: '2549',
  body: '物业管理有问题',
  time: '2019-04-25T09:32:09+08:00',
  title: '物业',
  reply: '已处理',
  reply_time: '2019-05-10 10:00',
};

describe('reading an imported row', () => {
  it.each([
    ['2019-04-25T09:32:09+08:00', '2019-04-25T01:32:09.000Z'],
    ['2019-04-25 09:32:09', '2019-04-25T01:32:09.000Z'],
    ['2019/4/5 9:32', '2019-04-05T01:32:00.000Z'],
    ['2019-04-25', '2019-04-24T16:00:00.000Z'],
    ['2019-13-01', null],
    ['2019-02-30', null],
    ['yesterday', null],
    ['', null],
  ])('time %j → %s', (text, iso) => expect(parseTime(text)?.toISOString() ?? null).toBe(iso));

  it('reads a complete row', () => {
    const r = readRow(good, cols);
    expect(r).toMatchObject({ row: { number: '2549', title: '物业', replyText: '已处理' } });
  });

  it.each([
    [{ id: '' }, '缺少编号'],
    [{ id: '25 49' }, '编号'],
    [{ body: '' }, '缺少诉求内容'],
    [{ time: '昨天' }, '登记时间“昨天”无法识别'],
    [{ reply_time: '2019-01-01' }, '答复时间早于登记时间'],
    [{ reply_time: 'soon' }, '答复时间“soon”无法识别'],
    [{ reply_time: '' }, '有答复内容但缺少答复时间'],
  ])('refuses %j with “%s”', (patch, problem) => {
    const r = readRow({ ...good, ...patch }, cols);
    expect('problems' in r && r.problems.join('；')).toContain(problem);
  });

  it('an unanswered row needs no reply time', () => {
    expect(readRow({ ...good, reply: '', reply_time: '' }, cols)).toMatchObject({ row: { replyText: null, repliedAt: null } });
  });
});
