import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCsvObjects } from '../../lib/csv.js';
import { evaluateFolds, evaluateTrainTest, readLabeledCsv } from './evaluate.js';
import { findTopics } from './topics.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** `tingjian classify eval …` — prints one JSON object with --format json, else a table. */
export function classifyCommand(args: string[]): number {
  if (args[0] !== 'eval') {
    console.error('usage: tingjian classify eval --train A.csv (--test B.csv | --folds K) [--taxonomy] [--format json]');
    return 2;
  }
  const { values } = parseArgs({
    args: args.slice(1),
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      folds: { type: 'string' },
      format: { type: 'string', default: 'table' },
      taxonomy: { type: 'boolean', default: false },
    },
  });
  if (!values.train || (!values.test && !values.folds)) {
    console.error('classify eval: --train and one of --test or --folds are required');
    return 2;
  }
  const trainRows = readLabeledCsv(values.train);
  const folds = values.folds ? Number(values.folds) : 0;
  if (values.folds && !(Number.isInteger(folds) && folds >= 2 && folds <= 20)) {
    console.error('classify eval: --folds takes a whole number from 2 to 20');
    return 2;
  }
  const result = values.test
    ? evaluateTrainTest(trainRows, readLabeledCsv(values.test), { taxonomy: values.taxonomy })
    : evaluateFolds(trainRows, folds, { taxonomy: values.taxonomy });
  if (values.format === 'json') {
    console.log(JSON.stringify(result));
    return 0;
  }
  console.log(
    `macro-F1 ${result.macroF1.toFixed(3)}   accuracy ${pct(result.accuracy)}   trained on ${result.trained}, tested on ${result.tested}${result.excludedOverlap ? ` (${result.excludedOverlap} test rows also in training left out)` : ''}`,
  );
  console.log(`training ${result.trainSeconds.toFixed(2)} s   ${Math.round(result.predictPerSecond)} predictions/s`);
  console.log('class'.padEnd(16), 'precision', 'recall', '    F1', 'support');
  for (const [c, m] of Object.entries(result.perClass)) {
    console.log(
      c.padEnd(16 - [...c].length + c.length),
      pct(m.precision).padStart(9),
      pct(m.recall).padStart(6),
      m.f1.toFixed(3).padStart(6),
      String(m.support).padStart(7),
    );
  }
  return 0;
}

/** `tingjian topics --input C.csv --top N` — a JSON array with --format json, else a table. */
export function topicsCommand(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: { input: { type: 'string' }, top: { type: 'string', default: '10' }, format: { type: 'string', default: 'table' } },
  });
  if (!values.input) {
    console.error('usage: tingjian topics --input C.csv [--top N] [--format json]');
    return 2;
  }
  const rows = parseCsvObjects(readFileSync(values.input, 'utf8')).map((r) => ({
    id: r.id ?? '',
    text: `${r.title ?? ''} ${r.body ?? ''}`,
    title: r.title ?? '',
    time: r.time ? new Date(r.time) : new Date(0),
    likes: Number(r.likes ?? 0) || 0,
    reporter: r.user ?? r.id ?? '',
  }));
  const top = Math.max(1, Number(values.top) || 10);
  const topics = findTopics(rows).slice(0, top);
  if (values.format === 'json') {
    console.log(
      JSON.stringify(
        topics.map((t) => ({ label: t.label, keywords: t.keywords, heat: Number(t.heat.toFixed(2)), size: t.size, ids: t.ids })),
      ),
    );
    return 0;
  }
  for (const [i, t] of topics.entries()) {
    console.log(
      `${String(i + 1).padStart(2)}. ${t.label}  heat ${t.heat.toFixed(1)}  size ${t.size}  reporters ${t.reporters}  [${t.keywords.join(' ')}]`,
    );
  }
  return 0;
}
