import { defaultFeatures, type FeatureOptions, featurize } from './features.js';
import type { Segmenter } from './segment.js';

export type TrainingDoc = { text: string; label: string; weight?: number };

export type Model = {
  version: string;
  classes: string[];
  vocab: Map<string, number>;
  idf: Float32Array;
  /** classes × features, row-major: as trained, or stored as 8-bit integers with `scales` per class. */
  weights: Float32Array | Int8Array;
  /** With 8-bit weights: each class's weight is weights × scale. */
  scales?: Float32Array;
  bias: Float32Array;
  /** Softmax temperature fitted on held-out folds so that confidences mean what they say. */
  temperature: number;
  features: FeatureOptions;
  trainedOn: number;
};

/** A model as training leaves it, with 32-bit weights. */
export type TrainedModel = Model & { weights: Float32Array; scales?: undefined };

export type TrainOptions = {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  minDf?: number;
  maxFeatures?: number;
  features?: FeatureOptions;
  seed?: number;
};

type Sparse = { idx: Int32Array; val: Float32Array };

function vectorize(counts: Map<string, number>, vocab: Map<string, number>, idf: Float32Array): Sparse {
  const idx: number[] = [];
  const val: number[] = [];
  let norm = 0;
  for (const [f, c] of counts) {
    const j = vocab.get(f);
    if (j === undefined) continue;
    const v = (1 + Math.log(c)) * idf[j]; // sublinear tf × idf
    idx.push(j);
    val.push(v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  return { idx: Int32Array.from(idx), val: Float32Array.from(val.map((v) => v / norm)) };
}

function scores(model: Pick<Model, 'weights' | 'bias' | 'classes' | 'scales'>, x: Sparse, dims: number): Float64Array {
  const out = new Float64Array(model.classes.length);
  for (let k = 0; k < out.length; k++) {
    let s = 0;
    const row = k * dims;
    for (let t = 0; t < x.idx.length; t++) s += model.weights[row + x.idx[t]] * x.val[t];
    out[k] = model.bias[k] + (model.scales ? model.scales[k] * s : s);
  }
  return out;
}

function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v / temperature);
  let sum = 0;
  const p = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) sum += p[i] = Math.exp(z[i] / temperature - max);
  for (let i = 0; i < z.length; i++) p[i] /= sum;
  return p;
}

/**
 * Multinomial logistic regression on TF-IDF features, trained with AdaGrad. Small, fast
 * (seconds for 8,000 messages) and gives a probability for every class.
 */
export function train(docs: TrainingDoc[], seg: Segmenter, opts: TrainOptions = {}): TrainedModel {
  const features = opts.features ?? defaultFeatures;
  const epochs = opts.epochs ?? 30;
  const lr = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 1e-5;
  const minDf = opts.minDf ?? 1;
  const classes = [...new Set(docs.map((d) => d.label))].sort();
  const counts = docs.map((d) => featurize(d.text, seg, features));
  const df = new Map<string, number>();
  for (const c of counts) for (const f of c.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = new Map<string, number>();
  // With many classes the weight matrix is classes × features: keep the most common features.
  const kept = [...df].filter(([, n]) => n >= minDf);
  if (opts.maxFeatures && kept.length > opts.maxFeatures) kept.sort((a, b) => b[1] - a[1]).splice(opts.maxFeatures);
  for (const [f] of kept) vocab.set(f, vocab.size);
  const dims = vocab.size;
  const idf = new Float32Array(dims);
  for (const [f, j] of vocab) idf[j] = Math.log((1 + docs.length) / (1 + df.get(f)!)) + 1;
  const xs = counts.map((c) => vectorize(c, vocab, idf));
  const ys = docs.map((d) => classes.indexOf(d.label));
  const sampleWeight = docs.map((d) => d.weight ?? 1);

  const K = classes.length;
  const weights = new Float32Array(K * dims);
  const bias = new Float32Array(K);
  const g2 = new Float32Array(K * dims).fill(1e-8);
  const b2 = new Float32Array(K).fill(1e-8);
  let s = (opts.seed ?? 7) >>> 0;
  const rand = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const order = xs.map((_, i) => i);
  const model = { weights, bias, classes };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const x = xs[i];
      const p = softmax(scores(model, x, dims));
      for (let k = 0; k < K; k++) {
        const err = (p[k] - (ys[i] === k ? 1 : 0)) * sampleWeight[i];
        if (Math.abs(err) < 1e-6) continue;
        const row = k * dims;
        for (let t = 0; t < x.idx.length; t++) {
          const j = row + x.idx[t];
          const g = err * x.val[t] + l2 * weights[j];
          g2[j] += g * g;
          weights[j] -= (lr * g) / Math.sqrt(g2[j]);
        }
        b2[k] += err * err;
        bias[k] -= (lr * err) / Math.sqrt(b2[k]);
      }
    }
  }
  return {
    version: `lr-${Date.now().toString(36)}-${docs.length}`,
    classes,
    vocab,
    idf,
    weights,
    bias,
    temperature: 1,
    features,
    trainedOn: docs.length,
  };
}

export type Suggestion = { label: string; confidence: number };

export function predict(model: Model, text: string, seg: Segmenter, top = 3): Suggestion[] {
  const x = vectorize(featurize(text, seg, model.features), model.vocab, model.idf);
  const p = softmax(scores(model, x, model.vocab.size), model.temperature);
  return model.classes
    .map((label, k) => ({ label, confidence: p[k] }))
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, top);
}

/**
 * Fits the softmax temperature that minimises log-loss on held-out predictions (scores made by
 * models that did not see those messages), by a coarse-to-fine search.
 */
export function fitTemperature(heldOut: { scores: Float64Array; truth: number }[]): number {
  const loss = (t: number) => heldOut.reduce((a, h) => a - Math.log(Math.max(1e-12, softmax(h.scores, t)[h.truth])), 0);
  let best = 1;
  let bestLoss = loss(1);
  for (let t = 0.05; t <= 5; t += 0.05) {
    const l = loss(t);
    if (l < bestLoss) [best, bestLoss] = [t, l];
  }
  return best;
}

export function rawScores(model: Model, text: string, seg: Segmenter): Float64Array {
  return scores(model, vectorize(featurize(text, seg, model.features), model.vocab, model.idf), model.vocab.size);
}
