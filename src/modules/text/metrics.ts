/** Macro-F1, accuracy and per-class precision/recall/F1 of predictions against the truth. */
export function scoreClassification(truth: string[], predicted: string[]) {
  const classes = [...new Set([...truth, ...predicted])].sort();
  const perClass: Record<string, { precision: number; recall: number; f1: number; support: number }> = {};
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct++;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < truth.length; i++) {
      if (predicted[i] === c && truth[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (truth[i] === c) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    perClass[c] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support: tp + fn };
  }
  const present = classes.filter((c) => perClass[c].support > 0);
  const macroF1 = present.reduce((a, c) => a + perClass[c].f1, 0) / Math.max(1, present.length);
  return { macroF1, accuracy: truth.length ? correct / truth.length : 0, perClass };
}

/** Stratified K folds: each class spread evenly over the folds, in a seeded order. */
export function stratifiedFolds(labels: string[], k: number, seed = 42): number[][] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const byClass = new Map<string, number[]>();
  for (const [i, l] of labels.entries()) byClass.set(l, [...(byClass.get(l) ?? []), i]);
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const idx of byClass.values()) {
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    for (const i of idx) folds[next++ % k].push(i);
  }
  return folds;
}
