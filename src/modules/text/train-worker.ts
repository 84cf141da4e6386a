// Runs in a child process: trains a model off the server that serves requests.
import { answerParent } from '../../lib/run-in-child.js';
import { type TrainingDoc, type TrainOptions, train } from './classifier.js';
import { Segmenter } from './segment.js';

answerParent<{ docs: TrainingDoc[]; userWords: string[]; options: TrainOptions }, unknown>(({ docs, userWords, options }) => {
  const model = train(docs, new Segmenter(userWords), options);
  return { ...model, vocab: [...model.vocab.keys()] };
});
