import { sql } from 'drizzle-orm';
import type { ActionContext, AppContext } from './action.js';
import { outboxMessages } from './outbox-table.js';

/**
 * Texts residents receive, in Chinese, with `{name}` placeholders. A provider that sends by
 * template id is told the template's key and its parameters as well (see docs/notifications.md).
 */
export const smsTemplates = {
  code: '【听见】您的验证码是 {code}，10 分钟内有效。',
  receipt: '【听见】您的诉求已受理，编号 {number}，查询码 {queryCode}。凭编号和查询码可在“听见”网站查看进度。退订回TD',
  dispatched: '【听见】您的诉求 {number} 已交由{unit}办理，请留意答复。退订回TD',
  replied: '【听见】您的诉求 {number} 已答复，请查看答复并评价：满意请回复1，不满意请回复2。退订回TD',
  merged_replied:
    '【听见】您的诉求 {number} 与 {survivor} 合并办理，现已答复。凭编号 {number} 可查看答复并评价：满意请回复1，不满意请回复2。退订回TD',
  reopened: '【听见】您的诉求 {number} 已重新交办，我们会继续跟进。退订回TD',
  closed: '【听见】您的诉求 {number} 已办结，感谢您的反映。退订回TD',
  survey_thanks: '【听见】已收到您对诉求 {number} 的评价，谢谢！',
  moderated: '【听见】您的诉求 {number} 公开展示的内容已{decision}，原因：{reason}。本人查询进度不受影响。退订回TD',
  enrolled: '【听见】您已报名“{course}”，地点：{venue}。如需取消请在平台操作。',
  waitlisted: '【听见】“{course}”名额已满，您已进入候补名单，有空位时将短信通知您。',
  promoted: '【听见】“{course}”有空位，您已由候补转为正式报名，地点：{venue}。',
  topic_rising: '【听见】一类事“{topic}”近期诉求增多（{n} 件），请登录听见控制台关注。',
  meeting_scheduled: '【听见】{council}定于{time}在{place}召开“{title}”，请您准时参会。',
} as const;
export type SmsTemplate = keyof typeof smsTemplates;

export function renderTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
}

// Delivery is nudged after commit when a worker runs; otherwise the worker's next poll finds it.
const wake = (app: AppContext) => app.wakeOutbox?.();

/** An SMS to a resident, sent once the action commits (nothing is sent for a refused action). */
export async function enqueueSms(
  a: Pick<ActionContext, 'tx' | 'now' | 'app' | 'afterCommit'>,
  msg: { to: string; template: SmsTemplate; params: Record<string, string>; demandId?: number | null },
): Promise<void> {
  await a.tx.insert(outboxMessages).values({
    channel: 'sms',
    recipient: msg.to,
    template: msg.template,
    params: msg.params,
    body: renderTemplate(smsTemplates[msg.template], msg.params),
    demandId: msg.demandId ?? null,
    createdAt: a.now,
    nextAttemptAt: a.now,
  });
  a.afterCommit(() => wake(a.app));
}

/** A signed webhook for an external system (the city's 12345), delivered with retries. */
export async function enqueueWebhook(
  a: ActionContext,
  msg: { endpoint: string; event: string; payload: Record<string, unknown>; demandId?: number | null },
): Promise<void> {
  await a.tx.insert(outboxMessages).values({
    channel: 'webhook',
    recipient: msg.endpoint,
    template: msg.event,
    body: JSON.stringify(msg.payload),
    demandId: msg.demandId ?? null,
    createdAt: a.now,
    nextAttemptAt: a.now,
  });
  a.afterCommit(() => wake(a.app));
}

/** A prompt shown in the console (delivered by being stored). */
export async function enqueueConsoleMessages(a: Pick<ActionContext, 'tx' | 'now'>, recipients: string[], body: string): Promise<void> {
  if (recipients.length === 0) return;
  await a.tx.insert(outboxMessages).values(
    recipients.map((recipient) => ({
      channel: 'console' as const,
      recipient,
      body,
      createdAt: a.now,
      status: 'sent' as const,
      sentAt: a.now,
    })),
  );
}

/** The SQL that writes a receipt SMS inside intake's single statement (the number comes from the row `d`). */
export function receiptSmsSql(phone: string, queryCode: string, now: Date) {
  const body = renderTemplate(smsTemplates.receipt, { queryCode });
  return sql`insert into outbox_messages (channel, recipient, body, template, params, demand_id, status, attempts, created_at, next_attempt_at)
    select 'sms', ${phone}, replace(${body}, '{number}', d.number), 'receipt',
      jsonb_build_object('number', d.number, 'queryCode', ${queryCode}::text), d.id, 'pending', 0, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz from d`;
}
