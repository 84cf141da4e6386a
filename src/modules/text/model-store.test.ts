import { describe, expect, it } from 'vitest';
import { predict, train } from './classifier.js';
import { packModel, unpackModel } from './model-store.js';
import { Segmenter } from './segment.js';

describe('a stored model', () => {
  it('predicts as the trained one did, at a quarter of the size on disk and in memory', () => {
    const seg = new Segmenter([]);
    const docs = [
      ['路灯不亮，晚上很黑', 'lights'],
      ['小区路灯坏了没人修', 'lights'],
      ['楼道灯不亮', 'lights'],
      ['停水了，自来水没有', 'water'],
      ['水压太低，楼上没水', 'water'],
      ['自来水发黄有异味', 'water'],
      ['广场舞音响太吵', 'noise'],
      ['夜里施工噪音扰民', 'noise'],
      ['楼下商铺音乐声太大', 'noise'],
    ].map(([text, label]) => ({ text, label }));
    const model = train(docs, seg, { epochs: 30, learningRate: 1 });
    const { meta, weights } = packModel(model);
    expect(weights.byteLength).toBeLessThan(model.weights.byteLength / 3 + 4 * (model.idf.length + 2 * model.classes.length) + 1);
    const stored = unpackModel(JSON.parse(JSON.stringify(meta)), new Uint8Array(weights));
    expect(stored.weights).toBeInstanceOf(Int8Array);
    for (const text of ['路灯坏了', '家里停水', '广场舞太吵', '施工声音很大', '没有水']) {
      const a = predict(model, text, seg, 3);
      const b = predict(stored, text, seg, 3);
      expect(b.map((s) => s.label)).toEqual(a.map((s) => s.label));
      for (let i = 0; i < 3; i++) expect(Math.abs(b[i].confidence - a[i].confidence)).toBeLessThan(0.02);
    }
  });
});
