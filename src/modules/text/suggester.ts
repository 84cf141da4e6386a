import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { type Model, predict, type TrainingDoc } from './classifier.js';
import { loadNewestModel, saveModel } from './model-store.js';
import { shouldRetrain } from './retrain-policy.js';
import { Segmenter } from './segment.js';
import { trainInChild } from './train-in-child.js';

export type CategorySuggestion = { categoryId: number; name: string; confidence: number };
/** Why a unit is suggested, as data (the console words it in its language) and as a Chinese sentence for API users. */
export type UnitSuggestion = {
  unitId: number;
  name: string;
  score: number;
  reason: string;
  because: { categoryName: string; confidence: number; dispatched: number; returned: number };
};

type CategoryRow = { id: number; parent_id: number | null; level: number; name: string; full_name: string; path: string };

/** The job that retrains the category model, in whichever process takes it. */
export const retrainJob = 'retrain-suggestions';
/** Every hour the job asks whether the stored model is due (retrain-policy.ts); never at a process's start. */
export const retrainCron = '23 * * * *';
/** Retrain once this many demands have had their category confirmed since the last model. */
export const retrainAfter = 20;

/**
 * How many new dispatches make a model stale: 20 while it learned from under 2,000 texts (it
 * trains in seconds), a quarter of what it learned from after that (a model of 10,000 demands
 * trains for minutes of a core, and 20 more change it by a fifth of a percent).
 */
export const staleAfter = (trainedOn: number) => (trainedOn < 2_000 ? retrainAfter : Math.floor(trainedOn / 4));
/** The newest routed demands (and imported examples) a model learns from: enough to learn a district, minutes of training at most. */
const historyLimit = 10_000;

const hourInChina = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: 'numeric', hourCycle: 'h23' });
const chinaHour = (at: Date) => Number(hourInChina.format(at));

/** The promise's end, or the time limit's, whichever comes first. */
function waitAtMost(p: Promise<unknown>, ms: number): Promise<unknown> {
  if (!Number.isFinite(ms)) return p;
  if (ms <= 0) return Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

/**
 * Category and unit suggestions for one installation. The model learns from the district's own
 * history (demands a dispatcher routed with a category) and, before there is much of it, from
 * the category tree's own names (second-level nodes): a suggestion is as fine as the history
 * that taught it — a leaf dispatchers used, else a second-level node.
 */
export class Suggester {
  private model: Model | null = null;
  private trainedWithConfirmed = -1;
  /** When the model in hand was stored (the database's record of it). */
  private trainedAt = new Date(0);
  private training: Promise<void> | null = null;
  private categories = new Map<number, CategoryRow>();
  private seg: Segmenter | null = null;
  private trainingSince = 0;
  private lookedForStored = false;
  private adopting: Promise<boolean> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log?: { error: (o: object, m: string) => void },
    /** While the first model trains (minutes on a large history), a request waits this long, then is answered without suggestions. */
    /**
     * `scheduled`: retraining is the hourly job's (a server); requests and starts never start one
     * once a model exists. Without it (the CLI, tests) a stale model retrains on the next request.
     */
    private readonly options: { firstModelWaitMs: number; scheduled?: boolean } = { firstModelWaitMs: Number.POSITIVE_INFINITY },
  ) {}

  get version(): string | null {
    return this.model?.version ?? null;
  }

  /**
   * How far routing has come: the newest dispatch's id (one index probe, where counting the
   * confirmed demands was a scan of them all). Each dispatch is one more example to learn from;
   * an imported example weighs more than any model's staleness, since importing is done to teach.
   */
  private async confirmedCount(): Promise<number> {
    const [{ n }] = await queryRows<{ n: number }>(
      this.db,
      sql`select (coalesce((select max(id) from assignments), 0)
                  + ${2 * historyLimit} * coalesce((select max(id) from text_training_examples), 0))::bigint::text as n`,
    );
    return Number(n);
  }

  /**
   * The current model. Without one, trains and waits; when enough new confirmations have come
   * in, starts a retraining in the background and answers with the model it has meanwhile.
   */
  async ensureModel(): Promise<Model | null> {
    const asked = Date.now();
    const confirmed = await this.confirmedCount();
    // After a restart, or in another process on the same database: the newest stored model. Reading it
    // takes a moment; a request meanwhile waits as for a first training, and never starts one.
    if (!this.lookedForStored) {
      this.lookedForStored = true;
      // Nothing stored (a new installation): the first model trains as soon as that is known.
      void this.adopt(-1).then((found) => {
        if (!found && !this.model && !this.training) this.training = this.freshen(confirmed);
      });
    }
    const reading = this.adopting;
    if (reading) {
      if (!this.model) await waitAtMost(reading, asked + this.options.firstModelWaitMs - Date.now());
      // Still reading: answer with what there is.
      if (this.adopting === reading) return this.model;
    }
    const isStale = () => !this.model || confirmed - this.trainedWithConfirmed >= staleAfter(this.model.trainedOn);
    let stale = isStale();
    // Another process may have trained on the same history meanwhile: take its model rather than train again.
    if (stale && !this.training && (await this.adopt(this.trainedWithConfirmed))) stale = isStale();
    // With a model in hand and a job queue (a server), retraining is the hourly job's decision alone
    // (retrainNow): a restart or a busy morning never starts minutes of training.
    if (stale && !this.training && !(this.model && this.options.scheduled)) this.training = this.freshen(confirmed);
    // The wait counts from the training's start: once it has passed, requests are answered at once.
    if (!this.model && this.training) await waitAtMost(this.training, this.trainingSince + this.options.firstModelWaitMs - Date.now());
    return this.model;
  }

  /**
   * Before the process takes requests: the newest stored model is read (half a second for a large
   * one), so the first suggestion after a restart needs no wait; staleness is checked, and without
   * a stored model the first training starts, in the background.
   */
  async warmUp(): Promise<void> {
    if (!this.lookedForStored) {
      this.lookedForStored = true;
      await this.adopt(-1);
    }
    void this.ensureModel().catch((err: unknown) => this.log?.error({ err }, 'suggestion warm-up failed'));
  }

  /**
   * The hourly retraining job: trains and stores when the stored model is due (retrain-policy.ts),
   * from what the database records; resolves whether it trained.
   */
  async retrainNow(now = new Date()): Promise<boolean> {
    const confirmed = await this.confirmedCount();
    await this.adopt(this.trainedWithConfirmed);
    // The database's record of when the model in hand was stored, whichever process stored it.
    const [stored] = await queryRows<{ at: string }>(
      this.db,
      sql`select created_at as at from text_models where trained_with = ${this.trainedWithConfirmed} order by id desc limit 1`,
    );
    if (stored) this.trainedAt = new Date(stored.at);
    if (
      this.model &&
      !shouldRetrain({
        growth: confirmed - this.trainedWithConfirmed,
        staleAfter: staleAfter(this.model.trainedOn),
        ageHours: (now.getTime() - this.trainedAt.getTime()) / 3_600_000,
        localHour: chinaHour(now),
      })
    )
      return false;
    this.training ??= this.freshen(confirmed);
    await this.training;
    return true;
  }

  /** One reading of the stored models at a time, whoever asks. */
  private adopt(after: number): Promise<boolean> {
    this.adopting ??= this.adoptStored(after)
      .catch((err: unknown) => {
        this.log?.error({ err }, 'reading the stored category model failed');
        return false;
      })
      .finally(() => {
        this.adopting = null;
      });
    return this.adopting;
  }

  /** Takes the newest stored model if it was trained further than `after`. */
  private async adoptStored(after: number): Promise<boolean> {
    const stored = await loadNewestModel(this.db, after);
    if (!stored) return false;
    await this.loadContext();
    this.model = stored.model;
    this.trainedWithConfirmed = stored.trainedWith;
    this.trainedAt = stored.trainedAt;
    return true;
  }

  /** The active categories and the segmenter taught the district's own names. */
  private async loadContext(): Promise<{ cats: CategoryRow[]; userWords: string[] }> {
    const cats = await queryRows<CategoryRow>(
      this.db,
      sql`select id, parent_id, level, name, full_name, path from categories where active`,
    );
    this.categories = new Map(cats.map((c) => [Number(c.id), { ...c, id: Number(c.id) }]));
    const [regionNames, unitNames] = await Promise.all([
      queryRows<{ name: string }>(this.db, sql`select name from regions`),
      queryRows<{ name: string }>(this.db, sql`select name from units`),
    ]);
    const userWords = [...regionNames, ...unitNames].map((r) => r.name);
    this.seg ??= new Segmenter(userWords);
    this.seg.addWords(userWords);
    return { cats, userWords };
  }

  /** Retrains in a child process; requests are not kept waiting once a model exists. */
  private freshen(confirmed: number): Promise<void> {
    this.trainingSince = Date.now();
    return this.retrain(confirmed)
      .catch((err: unknown) => {
        this.log?.error({ err }, 'category model training failed');
        if (!this.model) throw err;
      })
      .finally(() => {
        this.training = null;
      });
  }

  /** Waits for a reading of the stored model and a training under way (tests and shutdown). */
  async settled(): Promise<void> {
    await this.adopting;
    await this.training;
  }

  private async retrain(confirmed: number): Promise<void> {
    const { cats, userWords } = await this.loadContext();
    const docs: TrainingDoc[] = [];
    // The tree's own words: each second-level node with its children's names, lightly weighted.
    for (const c of cats) {
      if (c.level !== 2) continue;
      const children = cats.filter((x) => x.parent_id === c.id && x.name !== '其他').map((x) => x.name);
      docs.push({ text: `${c.name} ${children.join(' ')}`, label: String(c.id), weight: 0.3 });
    }
    const history = await queryRows<{ title: string; content: string; category_id: number }>(
      this.db,
      sql`select title, content, category_id from demands where category_id is not null and unit_id is not null order by id desc limit ${historyLimit}`,
    );
    const imported = await queryRows<{ title: string; body: string; category_id: number }>(
      this.db,
      sql`select title, body, category_id from text_training_examples order by id desc limit ${historyLimit}`,
    );
    for (const x of imported)
      if (this.categories.has(Number(x.category_id))) docs.push({ text: `${x.title} ${x.body}`, label: String(x.category_id) });
    // History teaches the categories dispatchers actually used, as fine as they chose them.
    for (const h of history) {
      if (this.categories.has(Number(h.category_id))) docs.push({ text: `${h.title} ${h.content}`, label: String(h.category_id) });
    }
    const options = { epochs: history.length + imported.length > 2000 ? 4 : 30, learningRate: 1, l2: 1e-4, maxFeatures: 30_000 };
    // Every model trains beside the server in a child process: a district's whole history never blocks a request.
    const trained = await trainInChild(docs, userWords, options);
    // Stored for the next start and for the other processes, and used as they read it (8-bit weights);
    // a failure to store costs only that.
    const saved = await saveModel(this.db, trained, confirmed).catch((err: unknown) => {
      this.log?.error({ err }, 'storing the category model failed');
      return { model: trained as Model, trainedAt: new Date() };
    });
    this.model = saved.model;
    this.trainedAt = saved.trainedAt;
    this.trainedWithConfirmed = confirmed;
  }

  async suggestCategories(text: string, top = 3): Promise<CategorySuggestion[]> {
    const model = await this.ensureModel();
    if (!model || !this.seg) return [];
    // A category retired since the model was trained is not suggested.
    return predict(model, text, this.seg, top + 2)
      .filter((s) => this.categories.has(Number(s.label)))
      .slice(0, top)
      .map((s) => {
        const c = this.categories.get(Number(s.label))!;
        return { categoryId: c.id, name: c.full_name, confidence: s.confidence };
      });
  }

  /**
   * Units for a demand: those owning a suggested category (or an ancestor of it) in the
   * demand's region, weighted by the category's confidence and by what dispatchers did with
   * such demands before — a return counts against a unit.
   */
  async suggestUnits(categories: CategorySuggestion[], regionPath: string): Promise<UnitSuggestion[]> {
    type Row = { unit_id: number; name: string; dispatched: number; returned: number };
    // One query per suggested category, asked at once.
    const found = await Promise.all(
      categories.map(async (c) => {
        const cat = this.categories.get(c.categoryId);
        if (!cat) return { c, rows: [] as Row[] };
        const rows = await queryRows<Row>(
          this.db,
          sql`select u.id::int as unit_id, u.name, coalesce(h.dispatched, 0)::int as dispatched, coalesce(h.returned, 0)::int as returned
              from units u
              left join lateral (
                select sum(x.dispatched) as dispatched, sum(x.returned) as returned
                  from unit_category_history x join categories dc on dc.id = x.category_id
                 where x.unit_id = u.id and dc.path like ${`${cat.path}%`}) h on true
              join unit_categories uc on uc.unit_id = u.id
              join categories oc on oc.id = uc.category_id
             where u.active = 1
               and (${cat.path} like oc.path || '%' or oc.path like ${`${cat.path}%`})
               and exists (select 1 from unit_regions ur join regions rr on rr.id = ur.region_id
                            where ur.unit_id = u.id and ${regionPath} like rr.path || '%')`,
        );
        return { c, rows };
      }),
    );
    const scores = new Map<number, UnitSuggestion>();
    for (const { c, rows } of found) {
      for (const r of rows) {
        const history = (1 + Number(r.dispatched) - 2 * Number(r.returned)) / (1 + Number(r.dispatched));
        const score = c.confidence * Math.max(0.1, history);
        const prev = scores.get(Number(r.unit_id));
        if (!prev || prev.score < score) {
          scores.set(Number(r.unit_id), {
            unitId: Number(r.unit_id),
            name: r.name,
            score,
            reason: `负责「${c.name}」（${Math.round(c.confidence * 100)}%）；此前派给该单位同类诉求 ${r.dispatched} 件，退回 ${r.returned} 件`,
            because: { categoryName: c.name, confidence: c.confidence, dispatched: Number(r.dispatched), returned: Number(r.returned) },
          });
        }
      }
    }
    return [...scores.values()].sort((a, b) => b.score - a.score).slice(0, 3);
  }
}
