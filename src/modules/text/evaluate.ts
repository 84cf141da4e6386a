import { readFileSync } from 'node:fs';
import { parseCsvObjects } from '../../lib/csv.js';
import { readTaxonomy } from '../categories/index.js';
import { fitTemperature, predict, rawScores, type TrainingDoc, train } from './classifier.js';
import { scoreClassification, stratifiedFolds } from './metrics.js';
import { Segmenter } from './segment.js';

export type LabeledRow = { id: string; title: string; body: string; label: string };

export function readLabeledCsv(path: string): LabeledRow[] {
  const rows = parseCsvObjects(readFileSync(path, 'utf8'));
  if (rows.length && !('label' in rows[0])) throw new Error(`${path}: a "label" column is required`);
  if (rows.length && !('body' in rows[0]) && !('title' in rows[0])) throw new Error(`${path}: a "title" or "body" column is required`);
  return rows
    .map((r) => ({ id: r.id ?? '', title: r.title ?? '', body: r.body ?? '', label: (r.label ?? '').trim() }))
    .filter((r) => r.label && (r.title || r.body));
}

const docText = (r: { title: string; body: string }) => `${r.title} ${r.body}`;

/**
 * What a district has before any history: the category tree's own names. Each first-level
 * category becomes a small document of its second- and third-level names, weighted lightly.
 */
export function taxonomyDocs(labels: Set<string>): TrainingDoc[] {
  const byTop = new Map<string, string[]>();
  for (const [l1, l2, l3] of readTaxonomy()) if (labels.has(l1)) byTop.set(l1, [...(byTop.get(l1) ?? []), l2, l3]);
  return [...byTop].map(([label, names]) => ({ text: [...new Set(names.filter((n) => n !== '其他'))].join(' '), label, weight: 0.5 }));
}

export type EvalResult = {
  macroF1: number;
  accuracy: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  trainSeconds: number;
  predictPerSecond: number;
  trained: number;
  tested: number;
  excludedOverlap?: number;
};

function trainOn(rows: LabeledRow[], seg: Segmenter, useTaxonomy: boolean) {
  const docs: TrainingDoc[] = rows.map((r) => ({ text: docText(r), label: r.label }));
  if (useTaxonomy) docs.push(...taxonomyDocs(new Set(rows.map((r) => r.label))));
  // Few passes suffice once there are thousands of messages (and keep training to seconds).
  return train(docs, seg, { epochs: docs.length > 2000 ? 4 : 30, learningRate: 1, l2: 1e-4 });
}

/** Train on one file, test on another; test rows that also appear in training (same id or title) are left out. */
export function evaluateTrainTest(trainRows: LabeledRow[], testRows: LabeledRow[], opts: { taxonomy?: boolean } = {}): EvalResult {
  const seg = new Segmenter();
  const ids = new Set(trainRows.map((r) => r.id).filter(Boolean));
  const titles = new Set(trainRows.map((r) => r.title).filter(Boolean));
  const unseen = testRows.filter((r) => !(r.id && ids.has(r.id)) && !(r.title && titles.has(r.title)));
  const t0 = performance.now();
  const model = trainOn(trainRows, seg, opts.taxonomy ?? false);
  const trainSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const predicted = unseen.map((r) => predict(model, docText(r), seg, 1)[0].label);
  const predictPerSecond = unseen.length / ((performance.now() - t1) / 1000);
  return {
    ...scoreClassification(
      unseen.map((r) => r.label),
      predicted,
    ),
    trainSeconds,
    predictPerSecond,
    trained: trainRows.length,
    tested: unseen.length,
    excludedOverlap: testRows.length - unseen.length,
  };
}

/** Stratified K-fold cross-validation on one file. */
export function evaluateFolds(rows: LabeledRow[], k: number, opts: { taxonomy?: boolean } = {}): EvalResult {
  const seg = new Segmenter();
  const folds = stratifiedFolds(
    rows.map((r) => r.label),
    k,
  );
  const truth: string[] = [];
  const predicted: string[] = [];
  let trainSeconds = 0;
  let predictSeconds = 0;
  for (const fold of folds) {
    const held = new Set(fold);
    const t0 = performance.now();
    const model = trainOn(
      rows.filter((_, i) => !held.has(i)),
      seg,
      opts.taxonomy ?? false,
    );
    trainSeconds += (performance.now() - t0) / 1000;
    const t1 = performance.now();
    for (const i of fold) {
      truth.push(rows[i].label);
      predicted.push(predict(model, docText(rows[i]), seg, 1)[0].label);
    }
    predictSeconds += (performance.now() - t1) / 1000;
  }
  return {
    ...scoreClassification(truth, predicted),
    trainSeconds: trainSeconds / k,
    predictPerSecond: rows.length / predictSeconds,
    trained: Math.round((rows.length * (k - 1)) / k),
    tested: rows.length,
  };
}

/** Held-out scores for calibration: a temperature fitted on K-fold predictions. */
export function calibratedTemperature(rows: LabeledRow[], k = 3): number {
  const seg = new Segmenter();
  const folds = stratifiedFolds(
    rows.map((r) => r.label),
    k,
  );
  const held: { scores: Float64Array; truth: number }[] = [];
  for (const fold of folds) {
    const out = new Set(fold);
    const model = trainOn(
      rows.filter((_, i) => !out.has(i)),
      seg,
      false,
    );
    for (const i of fold) {
      const truth = model.classes.indexOf(rows[i].label);
      if (truth >= 0) held.push({ scores: rawScores(model, docText(rows[i]), seg), truth });
    }
  }
  return fitTemperature(held);
}
