// One error class for the whole platform. Each code maps to an HTTP status and a message
// in both UI locales, in one table: the compiler rejects a code without an entry.

export const errorCatalogue = {
  'request.invalid': { status: 400, zh: '请求内容有误，请检查标出的字段。', en: 'The request is invalid; check the fields listed.' },
  'request.malformed_json': { status: 400, zh: '请求体不是合法的 JSON。', en: 'The request body is not valid JSON.' },
  'request.too_large': { status: 413, zh: '请求内容过大。', en: 'The request body is too large.' },
  'request.unprocessable': { status: 422, zh: '文件内容无法处理，请按提示修改后重试。', en: 'The file cannot be processed as it is.' },
  'request.unsupported_media': { status: 415, zh: '不支持的文件类型。', en: 'This file type is not supported.' },
  'auth.required': { status: 401, zh: '请先登录。', en: 'Please sign in first.' },
  'auth.invalid_credentials': { status: 401, zh: '用户名或密码错误。', en: 'Wrong username or password.' },
  'auth.csrf': {
    status: 403,
    zh: '页面已过期，请刷新后重试（CSRF 校验失败）。',
    en: 'The page has expired; reload and try again (CSRF check failed).',
  },
  'auth.password_change_required': {
    status: 403,
    zh: '管理员已重置您的密码，请先修改密码。',
    en: 'An administrator reset your password; change it first.',
  },
  'auth.forbidden': { status: 403, zh: '您没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  rate_limited: { status: 429, zh: '请求太频繁，请稍后再试。', en: 'Too many requests; try again shortly.' },
  not_found: { status: 404, zh: '找不到该记录。', en: 'Not found.' },
  'conflict.stale': {
    status: 409,
    zh: '该诉求刚刚被其他人处理过，请刷新后再操作。',
    en: 'Someone else changed this demand just now; reload and try again.',
  },
  'conflict.duplicate': { status: 409, zh: '记录已存在。', en: 'This record already exists.' },
  'demand.invalid_transition': {
    status: 409,
    zh: '诉求当前状态不允许此操作。',
    en: 'This action is not allowed in the demand\u2019s current state.',
  },
  'demand.reason_required': { status: 400, zh: '此操作必须填写原因。', en: 'A reason is required for this action.' },
  'demand.lookup_failed': { status: 404, zh: '编号与手机号（或查询码）不匹配。', en: 'The number and phone (or query code) do not match.' },
  'demand.reopen_limit': { status: 409, zh: '已达到重办次数上限。', en: 'The reopen limit has been reached.' },
  'demand.reopen_not_allowed': {
    status: 409,
    zh: '回访结果为满意且已解决，不能重办。',
    en: 'The callback was satisfied and solved; the demand cannot be reopened.',
  },
  'demand.extension_pending': { status: 409, zh: '已有待审批的延期申请。', en: 'An extension request is already pending.' },
  'demand.merge_target': { status: 409, zh: '不能合并到该诉求。', en: 'The demand cannot be merged into that one.' },
  'demand.assists_pending': {
    status: 409,
    zh: '协办单位尚未全部提交协办意见，主办单位暂不能答复。',
    en: 'Not every assisting unit has sent its part yet; the lead unit cannot reply.',
  },
  'demand.category_required': {
    status: 422,
    zh: '派单前请先选择诉求分类。',
    en: 'Choose the demand\u2019s category before dispatching it.',
  },
  'initiative.nobody_to_answer': {
    status: 409,
    zh: '该专项的诉求都已答复或已移出，这次答复不会送达任何人。',
    en: 'Every demand of the initiative is answered or removed: this answer would reach no one.',
  },
  'initiative.recipients_changed': {
    status: 409,
    zh: '收到答复的诉求已有变化，请刷新后核对名单再发送。',
    en: 'Who would receive the answer has changed: reload, check the list and send again.',
  },
  'council.quorum_not_met': { status: 409, zh: '到会席位未达法定人数，不能表决。', en: 'Quorum not met: the vote cannot be taken.' },
  'council.meeting_closed': {
    status: 409,
    zh: '会议已结束，记录不可修改；如需更正请添加更正记录。',
    en: 'The meeting is closed and its record cannot change; add a correction instead.',
  },
  'council.meeting_not_started': {
    status: 409,
    zh: '会议尚未开始，开始后才能登记到会和表决。',
    en: 'The meeting has not started yet; attendance and votes are taken once it starts.',
  },
  'council.action_item_state': { status: 409, zh: '行动项当前状态不允许此操作。', en: 'The action item’s state does not allow this.' },
  'council.not_passed': {
    status: 409,
    zh: '该议题未表决通过，不能形成决议。',
    en: 'This agenda item has not passed a vote; no resolution can be adopted.',
  },
  'council.notice_closed': { status: 409, zh: '公示期已结束，不再接受意见。', en: 'The notice period is over; comments are closed.' },
  'assessment.invalid_state': {
    status: 409,
    zh: '该考评当前阶段不允许此操作。',
    en: 'This step is not allowed at the assessment\u2019s current stage.',
  },
  'assessment.conflict_of_interest': {
    status: 409,
    zh: '评审人员不能评审本单位的对象（回避）。',
    en: 'An assessor cannot assess their own unit (conflict of interest).',
  },
  'appointment.invalid_state': {
    status: 409,
    zh: '该人选当前状态不允许此操作。',
    en: 'This step is not allowed in the candidate\u2019s current state.',
  },
  'training.invalid_state': {
    status: 409,
    zh: '培训计划或课程当前状态不允许此操作。',
    en: 'The training plan or course does not allow this now.',
  },
  'partition.not_ended': {
    status: 409,
    zh: '只能归档已经结束的月份：本月、以后的月份和默认分区仍在写入。',
    en: 'Only months that have ended can be archived: the running month, the months ahead and the default partition are still written.',
  },
  'partition.still_owed': {
    status: 409,
    zh: '这个月还有未发出的短信或未处理的事件，处理完之后才能归档。',
    en: 'This month still holds messages not sent or events not handled; archive it once they are done.',
  },
  'partition.overlaps': { status: 409, zh: '已有分区包含这段时间，不能再恢复。', en: 'A partition already holds this time.' },
  'outbox.not_failed': {
    status: 409,
    zh: '只有发送失败的消息可以重发。',
    en: 'Only a message that failed can be sent again.',
  },
  'interop.bad_signature': {
    status: 401,
    zh: '签名无效或已过期，请检查密钥和时间戳。',
    en: 'The signature is invalid or expired; check the shared secret and the timestamp.',
  },
  'training.not_enrolled': {
    status: 404,
    zh: '没有找到该手机号在本课程的报名记录。',
    en: 'No enrolment for this phone in this course.',
  },
  'idempotency.mismatch': {
    status: 422,
    zh: '该幂等键已用于另一份不同的内容；请为新的提交使用新的键。',
    en: 'This idempotency key was already used with a different request; use a new key for a new submission.',
  },
  'validation.reference': { status: 422, zh: '引用的记录不存在或不可用。', en: 'A referenced record does not exist or cannot be used.' },
  internal: { status: 500, zh: '服务器内部错误，请稍后重试。', en: 'Internal server error; try again later.' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export type Locale = 'zh-CN' | 'en';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** A specific message that replaces the catalogue's generic one (already human-readable). */
  readonly specific?: { zh: string; en: string };

  constructor(code: ErrorCode, opts: { details?: unknown; zh?: string; en?: string } = {}) {
    super(opts.en ?? errorCatalogue[code].en);
    this.code = code;
    this.details = opts.details;
    if (opts.zh || opts.en) this.specific = { zh: opts.zh ?? opts.en ?? '', en: opts.en ?? opts.zh ?? '' };
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  messageFor(locale: Locale): string {
    if (this.specific) return locale === 'en' ? this.specific.en : this.specific.zh;
    const entry = errorCatalogue[this.code];
    return locale === 'en' ? entry.en : entry.zh;
  }
}

export const notFound = (what = 'record') => new AppError('not_found', { details: { what } });

export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
