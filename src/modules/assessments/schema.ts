import { z } from '@hono/zod-openapi';
import { isoDay, requiredText, text } from '../../http/schemas.js';
import { assessmentKinds, assessmentStates, panelRoles, reportKinds, subjectKinds } from './tables.js';

const id = z.number().int().positive().max(2_147_483_647);
const key = z.string().regex(/^[a-z0-9_]{1,40}$/, { message: '编号为 1–40 位小写字母、数字或下划线 / 1–40 of a–z, 0–9, _' });
const day = isoDay();

const Item = z
  .object({
    key,
    name: requiredText(100),
    kind: z.enum(['pass_fail', 'scale']),
    max: z.number().positive().max(1000).optional(),
    weight: z.number().positive().max(100).optional(),
  })
  .strict();
const AspectSchema = z.object({ key, name: requiredText(100), items: z.array(Item).min(1).max(50) }).strict();

export const RubricBody = z.object({ name: requiredText(100), aspects: z.array(AspectSchema).min(1).max(20) }).strict();
export const RubricList = z.object({
  items: z.array(
    z.object({ id: z.number(), name: z.string(), version: z.number(), aspects: z.array(AspectSchema), createdAt: z.string() }),
  ),
});
export const PanelCandidates = z
  .object({
    items: z.array(z.object({ userId: z.number(), name: z.string(), units: z.array(z.object({ id: z.number(), name: z.string() })) })),
  })
  .openapi('PanelCandidates');
export const RubricView = z
  .object({ id: z.number(), name: z.string(), version: z.number(), aspects: z.array(AspectSchema), createdAt: z.string() })
  .openapi('AssessmentRubric');

export const CreateAssessmentBody = z
  .object({
    kind: z.enum(assessmentKinds),
    title: requiredText(200),
    regionId: id,
    rubricId: id,
    startsOn: day,
    endsOn: day,
    blind: z.boolean().optional(),
    trim: z.boolean().optional(),
    tieBreak: z.array(key).max(10).optional(),
    assignment: z.enum(['panel', 'balanced', 'by_stratum']).optional(),
    series: text(100).nullable().optional(),
    period: text(50).nullable().optional(),
  })
  .strict();

export const SubjectsBody = z
  .object({
    subjects: z
      .array(
        z
          .object({
            kind: z.enum(subjectKinds),
            ref: requiredText(100),
            name: requiredText(200),
            stratum: text(100).nullable().optional(),
            unitId: id.nullable().optional(),
            mode: z.enum(['on_site', 'written']).nullable().optional(),
            members: z.array(requiredText(50)).max(10).nullable().optional(),
            attributes: z.record(z.string().max(50), z.string().max(500)).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(5_000),
  })
  .strict();

export const PopulationBody = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    data: z.string().min(1).max(5_500_000),
    columns: z
      .object({ ref: requiredText(100), stratum: text(100).optional(), name: text(100).optional(), unit: text(100).optional() })
      .strict(),
    dryRun: z.boolean().optional(),
  })
  .strict();
/** The same import sent as the file itself (text/csv or XLSX), its column mapping in the query. */
export const PopulationFileQuery = z.object({
  ref: requiredText(100),
  stratum: text(100).optional(),
  name: text(100).optional(),
  unit: text(100).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
});
export const PopulationResult = z.object({
  rows: z.number(),
  valid: z.number(),
  imported: z.number(),
  strata: z.record(z.string(), z.number()),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
});

export const DemandPopulationBody = z.object({ from: day, to: day }).strict();

export const DrawBody = z
  .object({
    size: z.union([
      z.number().int().min(1).max(1_000_000),
      z
        .object({
          confidence: z.union([z.literal(0.9), z.literal(0.95), z.literal(0.99)]),
          margin: z.number().gt(0).max(0.5),
          expectedRate: z.number().gt(0).lt(1),
        })
        .strict(),
    ]),
    allocation: z.enum(['proportional', 'equal']).optional(),
    filter: z.record(z.string().max(50), z.string().max(200)).optional(),
    seed: z.string().min(1).max(100).optional(),
  })
  .strict();
const SamplePlanView = z.object({
  filter: z.record(z.string(), z.string()),
  population: z.number(),
  size: z.number(),
  sizeFrom: z.enum(['fixed', 'formula']),
  formula: z.string().nullable(),
  allocation: z.enum(['proportional', 'equal']),
  strata: z.record(z.string(), z.object({ population: z.number(), drawn: z.number() })),
});
export const DrawResult = z.object({ seed: z.string(), plan: SamplePlanView });

export const PanelBody = z
  .object({
    members: z
      .array(z.object({ userId: id, role: z.enum(panelRoles), unitIds: z.array(id).max(20).optional() }).strict())
      .min(1)
      .max(100),
  })
  .strict();
export const PanelView = z.object({
  items: z.array(z.object({ userId: z.number(), role: z.enum(panelRoles), unitIds: z.array(z.number()) })),
});

export const ScoresBody = z
  .object({
    entries: z
      .array(
        z
          .object({
            subjectId: id,
            items: z
              .array(
                z
                  .object({
                    itemKey: key,
                    passed: z.boolean().nullable().optional(),
                    score: z.number().min(0).max(1000).nullable().optional(),
                    reason: text(1000).nullable().optional(),
                  })
                  .strict(),
              )
              .min(1)
              .max(50),
          })
          .strict(),
      )
      .min(1)
      .max(1_000),
  })
  .strict();

export const ConsultationBody = z.object({ subjectId: id, itemKey: key, question: requiredText(1000) }).strict();
export const DecisionBody = z
  .object({
    passed: z.boolean().optional(),
    score: z.number().min(0).max(1000).optional(),
    finding: requiredText(2000),
    evidence: text(2000).optional(),
  })
  .strict();
export const ConsultationView = z
  .object({
    id: z.number(),
    subjectId: z.number(),
    itemKey: z.string(),
    question: z.string(),
    status: z.enum(['open', 'decided']),
    passed: z.boolean().nullable(),
    score: z.number().nullable(),
    finding: z.string().nullable(),
  })
  .openapi('AssessmentConsultation');

export const ReportBody = z
  .object({
    subjectId: id.nullable().optional(),
    kind: z.enum(reportKinds),
    aspectKey: key.nullable().optional(),
    body: requiredText(20_000),
    figures: z.record(z.string().max(50), z.number()).optional(),
  })
  .strict();

export const RectifyBody = z
  .object({
    workingDays: z.number().int().min(1).max(250).optional(),
    only: z
      .array(z.object({ subjectId: id, itemKey: key }).strict())
      .max(1_000)
      .optional(),
  })
  .strict();
export const EvidenceBody = z.object({ evidence: requiredText(5_000) }).strict();
export const RecheckBody = z.object({ accepted: z.boolean(), note: text(2_000).optional() }).strict();

const Interval = z.object({ rate: z.number(), low: z.number(), high: z.number() }).nullable();

export const AssessmentSummary = z
  .object({
    id: z.number(),
    kind: z.enum(assessmentKinds),
    title: z.string(),
    state: z.enum(assessmentStates),
    region: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    series: z.string().nullable(),
    period: z.string().nullable(),
    subjects: z.number(),
  })
  .openapi('AssessmentSummary');

export const AssessmentView = z
  .object({
    id: z.number(),
    kind: z.enum(assessmentKinds),
    title: z.string(),
    state: z.enum(assessmentStates),
    regionId: z.number(),
    region: z.string(),
    rubric: z.object({ id: z.number(), name: z.string(), version: z.number(), aspects: z.array(AspectSchema) }),
    blind: z.boolean(),
    trim: z.boolean(),
    tieBreak: z.array(z.string()),
    assignment: z.enum(['panel', 'balanced', 'by_stratum']),
    series: z.string().nullable(),
    period: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    sampleSeed: z.string().nullable(),
    samplePlan: SamplePlanView.nullable(),
    counts: z.object({ population: z.number(), sampled: z.number(), assigned: z.number(), mine: z.number() }),
    panel: z.array(z.object({ userId: z.number(), name: z.string(), role: z.enum(panelRoles) })),
    consultations: z.array(ConsultationView.extend({ subject: z.string(), ref: z.string() })),
    myParts: z.array(z.enum(['organiser', 'chair', 'assessor', 'expert', 'assessed'])),
    allowedSteps: z.array(z.enum(['setup', 'open', 'report', 'score', 'consult', 'decide', 'close', 'publish', 'rectify'])),
  })
  .openapi('Assessment');

export const SubjectsPage = z
  .object({
    items: z.array(
      z.object({
        id: z.number(),
        kind: z.enum(subjectKinds),
        ref: z.string(),
        name: z.string(),
        stratum: z.string().nullable(),
        mode: z.enum(['on_site', 'written']).nullable(),
        members: z.array(z.string()).nullable(),
        unitId: z.number().nullable(),
        assessorUserId: z.number().nullable(),
        attributes: z.record(z.string(), z.string()),
        myScores: z.array(
          z.object({ itemKey: z.string(), passed: z.boolean().nullable(), score: z.number().nullable(), reason: z.string().nullable() }),
        ),
      }),
    ),
    next: z.number().nullable(),
  })
  .openapi('AssessmentSubjectsPage');
export const SubjectsQuery = z.object({
  after: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  mine: z.enum(['true', 'false']).optional(),
});

const Qualification = z.object({
  sampled: z.number(),
  assessed: z.number(),
  qualified: z.number(),
  pendingConsultation: z.number(),
  rate: Interval,
  strata: z.array(z.object({ stratum: z.string(), assessed: z.number(), qualified: z.number(), rate: Interval })),
  failuresByItem: z.array(z.object({ itemKey: z.string(), name: z.string(), failures: z.number() })),
  failedSubjectIds: z.array(z.number()),
});
const ScoreRow = z.object({
  subjectId: z.number(),
  name: z.string(),
  mode: z.string().nullable(),
  assessors: z.number(),
  mean: z.number().nullable(),
  trimmedMean: z.number().nullable(),
  final: z.number().nullable(),
  spread: z.object({ range: z.number(), sd: z.number() }).nullable(),
  aspects: z.array(z.object({ aspectKey: z.string(), mean: z.number().nullable() })),
  rank: z.number().nullable(),
  decidedBy: z.string().nullable(),
});
const Rectification = z.object({ open: z.number(), submitted: z.number(), closed: z.number(), overdue: z.number() });
export const ResultsView = z
  .object({
    assessmentId: z.number(),
    state: z.enum(assessmentStates),
    hidden: z.boolean(),
    qualification: Qualification.nullable(),
    scoring: z
      .object({
        maxTotal: z.number(),
        aspectMeans: z.array(z.object({ aspectKey: z.string(), name: z.string(), mean: z.number().nullable() })),
        scored: z.number(),
        unscored: z.number(),
        tieBreak: z.array(z.string()),
        trimmed: z.boolean(),
        rows: z.array(ScoreRow),
      })
      .nullable(),
    modes: z.record(z.string(), z.number()),
    reports: z.record(z.string(), z.number()),
    findings: z.array(
      z.object({ kind: z.enum(reportKinds), aspectKey: z.string().nullable(), subjectId: z.number().nullable(), body: z.string() }),
    ),
    consultations: z.object({ open: z.number(), decided: z.number() }),
    rectification: Rectification,
  })
  .openapi('AssessmentResults');

export const RectificationView = z
  .object({
    id: z.number(),
    assessmentId: z.number(),
    assessment: z.string(),
    subjectId: z.number(),
    subject: z.string(),
    ref: z.string(),
    itemKey: z.string(),
    ownerUnitId: z.number(),
    ownerUnit: z.string(),
    description: z.string(),
    dueOn: z.string(),
    state: z.enum(['open', 'submitted', 'closed']),
    evidence: z.string().nullable(),
    recheckNote: z.string().nullable(),
    overdue: z.boolean(),
    mine: z.boolean(),
  })
  .openapi('RectificationTask');
export const RectificationQuery = z.object({
  assessmentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  state: z.enum(['open', 'submitted', 'closed']).optional(),
});

export const EvaluationQuery = z.object({ series: requiredText(100), year: z.coerce.number().int().min(2000).max(2100) });
export const EvaluationView = z
  .object({
    series: z.string(),
    year: z.number(),
    rounds: z.array(
      z.object({
        assessmentId: z.number(),
        title: z.string(),
        period: z.string().nullable(),
        assessed: z.number(),
        qualified: z.number(),
        rate: Interval,
      }),
    ),
    total: z.object({ assessed: z.number(), qualified: z.number(), rate: Interval }),
  })
  .openapi('AnnualEvaluation');

export const PublicResultsView = z
  .object({
    id: z.number(),
    kind: z.enum(assessmentKinds),
    title: z.string(),
    region: z.string(),
    period: z.string().nullable(),
    qualification: Qualification.omit({ failedSubjectIds: true, pendingConsultation: true }).nullable(),
    ranking: z
      .array(z.object({ rank: z.number(), name: z.string(), final: z.number().nullable(), mode: z.string().nullable() }))
      .nullable(),
    rectification: Rectification,
  })
  .openapi('PublicAssessmentResults');
export const PublishedList = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(assessmentKinds),
      title: z.string(),
      region: z.string(),
      period: z.string().nullable(),
      publishedAt: z.string(),
    }),
  ),
});
export const StateResult = z.object({ state: z.enum([...assessmentStates, 'submitted'] as const) });
