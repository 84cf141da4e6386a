import { z } from '@hono/zod-openapi';
import { instant, requiredText, text } from '../../http/schemas.js';
import { deadlineStages } from '../calendar/index.js';
import { demandActions } from './lifecycle.js';
import { channels, demandStates, demandTypes, satisfactions, supervisionLevels, transferStatuses, urgencies } from './tables.js';

const phone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s-]{5,20}$/, { message: '电话号码格式不对 / not a phone number' });

// Work orders from the city and imported records arrive through their own doors, never through intake.
const intakeChannels = channels.filter(
  (c): c is Exclude<(typeof channels)[number], 'city12345' | 'import' | 'sms'> => c !== 'city12345' && c !== 'import' && c !== 'sms',
);

export const RegisterDemandBody = z
  .object({
    channel: z.enum(intakeChannels).default('hotline'),
    type: z.enum(demandTypes).default('complaint'),
    title: text(200).optional(),
    content: requiredText(5000),
    reporterName: text(50).optional(),
    reporterPhone: phone.optional(),
    reporterContact: text(200).optional(),
    anonymous: z.boolean().optional(),
    regionId: z.number().int().positive().max(2_147_483_647),
    address: text(300).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    categoryId: z.number().int().positive().max(2_147_483_647).optional(),
    urgency: z.enum(urgencies).optional(),
    idempotencyKey: z.string().min(8).max(100).optional(),
    /** The PBX's id of the call the demand was taken on (it rang on the console): the call is linked to the demand. */
    callId: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .openapi('RegisterDemand');

export const PublicSubmitBody = z
  .object({
    type: z.enum(demandTypes).default('complaint'),
    title: text(200).optional(),
    content: requiredText(5000),
    reporterName: text(50).optional(),
    reporterPhone: phone,
    anonymous: z.boolean().optional(),
    regionId: z.number().int().positive().max(2_147_483_647),
    address: text(300).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    idempotencyKey: z.string().min(8).max(100).optional(),
  })
  .strict()
  .openapi('PublicSubmitDemand');

export const LookupBody = z
  .object({
    number: z
      .string()
      .trim()
      .regex(/^\d{14,20}$/, { message: '诉求编号是 14 位以上数字 / a demand number is 14+ digits' }),
    phone: phone.optional(),
    queryCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { message: '查询码是 6 位数字 / the query code is 6 digits' })
      .optional(),
  })
  .strict()
  .refine((b) => b.phone || b.queryCode, { message: '请填写手机号或查询码 / give the phone or the query code' })
  .openapi('LookupDemand');

export const DispatchBody = z
  .object({
    unitId: z.number().int().positive().max(2_147_483_647).optional(),
    categoryId: z.number().int().positive().max(2_147_483_647).optional(),
    urgency: z.enum(urgencies).optional(),
    complex: z.boolean().optional(),
    note: text(1000).optional(),
    assistingUnitIds: z.array(z.number().int().positive().max(2_147_483_647)).max(5).optional(),
  })
  .strict();
export const DispatchPreviewQuery = z.object({
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  categoryId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  urgency: z.enum(urgencies).optional(),
  complex: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type DispatchPreviewTerms = z.infer<typeof DispatchPreviewQuery>;
export const DispatchPreview = z
  .object({
    categoryId: z.number().nullable(),
    urgency: z.enum(urgencies),
    complex: z.boolean(),
    acknowledgeDueAt: z.string(),
    replyDueAt: z.string(),
  })
  .openapi('DispatchPreview');
export type DispatchPreviewView = z.infer<typeof DispatchPreview>;
export const ReasonBody = z.object({ reason: requiredText(1000) }).strict();
export const OptionalReasonBody = z.object({ reason: text(1000).optional() }).strict();
export const ReplyBody = z.object({ reply: requiredText(5000) }).strict();
export const AnswerBody = z
  .object({ reply: requiredText(5000), knowledgeArticleId: z.number().int().positive().max(2_147_483_647).optional() })
  .strict();
export const CallbackBody = z.object({ satisfaction: z.enum(satisfactions), solved: z.boolean(), comment: text(1000).optional() }).strict();
export const MergeBody = z.object({ intoDemandId: z.number().int().positive().max(2_147_483_647), note: text(1000).optional() }).strict();
export const ExtensionRequestBody = z.object({ extraWorkdays: z.number().int().min(1).max(30), reason: requiredText(1000) }).strict();
export const ExtensionDecisionBody = z.object({ approve: z.boolean(), reason: text(1000).optional() }).strict();
export const SuperviseBody = z
  .object({
    supervised: z.boolean().default(true),
    reason: requiredText(1000),
    /** township: the yellow mark (镇街督办); district: the red one (区级督办). */
    level: z.enum(supervisionLevels).optional(),
    dueAt: instant().optional(),
  })
  .strict();
export const RemindBody = z.object({ note: text(1000).optional() }).strict();
export const EndAssistBody = z.object({ unitId: z.number().int().positive().max(2_147_483_647), reason: requiredText(1000) }).strict();
export const ContributeBody = z.object({ contribution: requiredText(5000) }).strict();
export const TransferBody = z.object({ toUnitId: z.number().int().positive().max(2_147_483_647), reason: requiredText(1000) }).strict();
export const TransferDecisionBody = z.object({ accept: z.boolean(), reason: text(1000).optional() }).strict();
export const CallbackAttemptBody = z.object({ note: text(1000).optional() }).strict();
export const BatchDispatchBody = z
  .object({
    items: z
      .array(DispatchBody.extend({ demandId: z.number().int().positive().max(2_147_483_647) }))
      .min(1)
      .max(100),
  })
  .strict()
  .openapi('BatchDispatch');
export const BatchDispatchResult = z
  .object({
    results: z.array(
      z.object({
        demandId: z.number(),
        ok: z.boolean(),
        number: z.string().nullable(),
        error: z.object({ code: z.string(), message: z.string() }).nullable(),
      }),
    ),
    dispatched: z.number(),
    failed: z.number(),
  })
  .openapi('BatchDispatchResult');

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));

/**
 * Where the next page starts: the last row's sort key, as `nextCursor` handed it back — the instant
 * the list sorts by (a deadline, a reply's time), or none, and the id that breaks ties.
 */
export type PageCursor = { at: Date | null; id: number };

export function encodeCursor(c: PageCursor): string {
  return Buffer.from(`${c.at ? c.at.toISOString() : ''}~${c.id}`).toString('base64url');
}

export const pageCursor = z
  .string()
  .max(80)
  .transform((s, ctx): PageCursor => {
    const m = /^([0-9T:.Z-]*)~(\d{1,15})$/.exec(Buffer.from(s, 'base64url').toString());
    const at = m?.[1] ? new Date(m[1]) : null;
    if (!m || (at && Number.isNaN(at.getTime()))) {
      ctx.addIssue({
        code: 'custom',
        message: '翻页位置无效，请从第一页重新查询 / not a cursor from this list: start again from the first page',
      });
      return z.NEVER;
    }
    return { at, id: Number(m[2]) };
  })
  .openapi({ type: 'string' });

export const ListDemandsQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Keyset paging: the `nextCursor` of the page before (then `page` is not used). */
  after: pageCursor.optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  state: csv(demandStates).optional().openapi({ type: 'string', example: 'registered,returned' }),
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** mine: what the caller's units hold now, or are asked now to help with or take over (a handler's 待办). */
  held: z.enum(['mine']).optional(),
  regionId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  categoryId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  channel: z.enum(channels).optional(),
  type: z.enum(demandTypes).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** 超期多久: only demands whose current stage is overdue by more than this many days. */
  overdueDays: z.coerce.number().int().min(1).max(365).optional(),
  dueWithinHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
  supervised: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  extensionPending: z
    .enum(['true'])
    .transform(() => true)
    .optional(),
  from: instant().optional(),
  to: instant().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  /** A caller's demands by their phone, exactly (来电弹屏); in the caller's scope like every list. */
  phone: z
    .string()
    .regex(/^\+?[\d\s-]{5,20}$/, { message: '电话号码格式不对 / not a phone number' })
    .optional(),
  sort: z.enum(['newest', 'oldest', 'due']).default('newest'),
  /** json (a page), or the whole filtered list as csv (with a BOM, for Excel) or xlsx. */
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type ListDemandsFilter = z.infer<typeof ListDemandsQuery>;

const Ref = z.object({ id: z.number(), name: z.string() });

export const DemandSummary = z
  .object({
    id: z.number(),
    number: z.string(),
    channel: z.enum(channels),
    /** The number in the system it came from: the city's work order, an imported record. */
    externalRef: z.string().nullable(),
    type: z.enum(demandTypes),
    state: z.enum(demandStates),
    title: z.string(),
    content: z.string(),
    reporterName: z.string().nullable(),
    reporterPhone: z.string().nullable(),
    reporterContact: z.string().nullable(),
    /** False when the caller sees the resident's number masked and their other contact hidden (not theirs to ring). */
    contactShown: z.boolean(),
    anonymous: z.boolean(),
    region: Ref,
    address: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    category: Ref.nullable(),
    urgency: z.enum(urgencies),
    complex: z.boolean(),
    unit: Ref.nullable(),
    stageDueAt: z.string().nullable(),
    replyDueAt: z.string().nullable(),
    overdue: z.boolean(),
    /** Which step's deadline has passed (派单, 签收, 答复, 回访) when overdue, else null. */
    lateStep: z.enum(deadlineStages).nullable(),
    /** The step whose deadline `stageDueAt` is (派单, 签收, 答复, 回访); null when no deadline runs. */
    dueStep: z.enum(deadlineStages).nullable(),
    supervised: z.boolean(),
    /** township = yellow mark, district = red mark; null when not supervised. */
    supervisionLevel: z.enum(supervisionLevels).nullable(),
    reopenCount: z.number(),
    mergedIntoId: z.number().nullable(),
    replyText: z.string().nullable(),
    repliedAt: z.string().nullable(),
    satisfaction: z.enum(satisfactions).nullable(),
    solved: z.boolean().nullable(),
    closedAt: z.string().nullable(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Demand');
export type DemandSummaryView = z.infer<typeof DemandSummary>;

/** What an intake answers: the demand, the caller's query code and what the caller is told to expect. */
export const RegisteredDemand = DemandSummary.extend({
  queryCode: z.string().nullable(),
  expectedReplyBy: z.string().nullable().openapi({
    description: "The reply's deadline once dispatched; before that, the latest it would fall due (dispatched at the dispatch deadline)",
  }),
}).openapi('RegisteredDemand');

export const DemandEventView = z.object({
  id: z.number(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actor: z.object({ kind: z.string(), userId: z.number().nullable(), name: z.string().nullable() }),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
});

export const DemandDetail = DemandSummary.extend({
  /** What the caller may do now (lifecycle × policy × the action's own conditions): the console offers exactly these. */
  allowedActions: z.array(z.enum(demandActions)),
  /** Whether the caller may add photos now (anyone who sees an open demand; the camera on a phone). */
  mayAttach: z.boolean(),
  events: z.array(DemandEventView),
  assignments: z.array(
    z.object({
      unit: Ref,
      dispatchedAt: z.string(),
      acknowledgeDueAt: z.string(),
      acknowledgedAt: z.string().nullable(),
      endedAt: z.string().nullable(),
      endReason: z.string().nullable(),
    }),
  ),
  extensionRequests: z.array(
    z.object({
      id: z.number(),
      extraWorkdays: z.number(),
      reason: z.string(),
      status: z.string(),
      requestedAt: z.string(),
      decidedAt: z.string().nullable(),
      decisionReason: z.string().nullable(),
    }),
  ),
  callbacks: z.array(z.object({ satisfaction: z.enum(satisfactions), solved: z.boolean(), comment: z.string(), at: z.string() })),
  /** Callback calls that did not reach the resident (未接通). */
  callbackAttempts: z.array(z.object({ note: z.string(), at: z.string() })),
  /** 协办: the assisting units of the current assignment and earlier ones, with their parts. */
  assists: z.array(
    z.object({
      unit: Ref,
      requestedAt: z.string(),
      acknowledgedAt: z.string().nullable(),
      contribution: z.string().nullable(),
      contributedAt: z.string().nullable(),
      endedAt: z.string().nullable(),
    }),
  ),
  transfers: z.array(
    z.object({
      fromUnit: Ref,
      toUnit: Ref,
      reason: z.string(),
      status: z.enum(transferStatuses),
      requestedAt: z.string(),
      decidedAt: z.string().nullable(),
      decisionReason: z.string().nullable(),
    }),
  ),
  supervisions: z.array(
    z.object({
      level: z.enum(supervisionLevels),
      reason: z.string(),
      dueAt: z.string().nullable(),
      byRule: z.string().nullable(),
      createdAt: z.string(),
      reminderCount: z.number(),
      lastRemindedAt: z.string().nullable(),
      liftedAt: z.string().nullable(),
      liftReason: z.string().nullable(),
    }),
  ),
  attachments: z.array(z.object({ id: z.number(), filename: z.string(), contentType: z.string(), size: z.number() })),
}).openapi('DemandDetail');
export type DemandDetailView = z.infer<typeof DemandDetail>;

export const DemandPage = z
  .object({
    items: z.array(DemandSummary),
    /** How many match, counted up to 10,000. */
    total: z.number(),
    /** More than `total` match (the count stopped at its cap). */
    totalCapped: z.boolean(),
    page: z.number(),
    pageSize: z.number(),
    /** Pass as `after` for the page after this one; null on the last page. */
    nextCursor: z.string().nullable(),
  })
  .openapi('DemandPage');

export const PublicDemandView = z
  .object({
    number: z.string(),
    type: z.enum(demandTypes),
    state: z.enum(demandStates),
    title: z.string(),
    content: z.string(),
    region: z.string(),
    category: z.string().nullable(),
    unit: z.string().nullable(),
    replyText: z.string().nullable(),
    repliedAt: z.string().nullable(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    callbackOpen: z.boolean(),
    timeline: z.array(z.object({ action: z.string(), toState: z.string(), at: z.string(), reason: z.string().nullable() })),
    /** For a demand merged into another: the one that is handled for both, with its progress and reply. */
    mergedInto: z
      .object({
        number: z.string(),
        state: z.enum(demandStates),
        unit: z.string().nullable(),
        replyText: z.string().nullable(),
        repliedAt: z.string().nullable(),
        closedAt: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi('PublicDemand');
export type PublicDemandViewT = z.infer<typeof PublicDemandView>;
