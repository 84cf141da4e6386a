import { desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Model, TrainedModel } from './classifier.js';
import { textModels } from './tables.js';

type Meta = Pick<Model, 'version' | 'classes' | 'temperature' | 'features' | 'trainedOn'> & { vocab: string[] };

/**
 * A model as one buffer: idf and bias as 32-bit floats, then each class's weights as 8-bit
 * integers scaled by the class's largest weight (a quarter of the size; predictions keep their
 * order, confidences move by a few thousandths, see model-store.test.ts).
 */
export function packModel(m: TrainedModel): { meta: Meta; weights: Buffer } {
  const dims = m.vocab.size;
  const K = m.classes.length;
  const out = Buffer.alloc(4 * (dims + 2 * K) + K * dims);
  const floats = new Float32Array(out.buffer, out.byteOffset, dims + 2 * K);
  floats.set(m.idf, 0);
  floats.set(m.bias, dims);
  const q = new Int8Array(out.buffer, out.byteOffset + 4 * (dims + 2 * K), K * dims);
  for (let k = 0; k < K; k++) {
    let max = 0;
    for (let j = k * dims; j < (k + 1) * dims; j++) max = Math.max(max, Math.abs(m.weights[j]));
    floats[dims + K + k] = max;
    if (max > 0) for (let j = k * dims; j < (k + 1) * dims; j++) q[j] = Math.round((m.weights[j] / max) * 127);
  }
  const { version, classes, temperature, features, trainedOn } = m;
  return { meta: { version, classes, temperature, features, trainedOn, vocab: [...m.vocab.keys()] }, weights: out };
}

export function unpackModel(meta: Meta, packed: Uint8Array): Model {
  const dims = meta.vocab.length;
  const K = meta.classes.length;
  // A copy: the driver's buffer need not start on a 4-byte boundary.
  const bytes = new Uint8Array(packed).buffer;
  const floats = new Float32Array(bytes, 0, dims + 2 * K);
  // Kept as 8-bit integers in memory too (18 MB where floats took 72 MB at 600 classes × 30,000 features).
  const weights = new Int8Array(bytes, 4 * (dims + 2 * K), K * dims);
  const scales = floats.slice(dims + K, dims + 2 * K).map((max) => max / 127);
  return {
    version: meta.version,
    classes: meta.classes,
    vocab: new Map(meta.vocab.map((f, i) => [f, i])),
    idf: floats.slice(0, dims),
    bias: floats.slice(dims, dims + K),
    weights,
    scales,
    temperature: meta.temperature,
    features: meta.features,
    trainedOn: meta.trainedOn,
  };
}

/** Stores a trained model, keeps only the newest few, and returns it as every process will read it, with when it was stored. */
export async function saveModel(db: Db, model: TrainedModel, trainedWith: number): Promise<{ model: Model; trainedAt: Date }> {
  const { meta, weights } = packModel(model);
  const trainedAt = await db.transaction(async (tx) => {
    const [{ id, createdAt }] = await tx
      .insert(textModels)
      .values({ version: model.version, trainedWith, meta, weights })
      .returning({ id: textModels.id, createdAt: textModels.createdAt });
    await tx.execute(sql`delete from text_models where id <= ${id - 3}`);
    return createdAt;
  });
  return { model: unpackModel(meta, weights), trainedAt };
}

/** The newest stored model trained further than `after`, if any. */
export async function loadNewestModel(db: Db, after = -1): Promise<{ model: Model; trainedWith: number; trainedAt: Date } | null> {
  const [row] = await db.select().from(textModels).where(gt(textModels.trainedWith, after)).orderBy(desc(textModels.id)).limit(1);
  if (!row) return null;
  return { model: unpackModel(row.meta as Meta, row.weights), trainedWith: row.trainedWith, trainedAt: row.createdAt };
}
