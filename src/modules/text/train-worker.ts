// Runs in a worker thread: trains a model off the event loop that serves requests.
import { parentPort, workerData } from 'node:worker_threads';
import { type TrainingDoc, type TrainOptions, train } from './classifier.js';
import { Segmenter } from './segment.js';

const { docs, userWords, options } = workerData as { docs: TrainingDoc[]; userWords: string[]; options: TrainOptions };
const model = train(docs, new Segmenter(userWords), options);
const message = { ...model, vocab: [...model.vocab.keys()] };
parentPort!.postMessage(message, [model.idf.buffer, model.weights.buffer, model.bias.buffer] as ArrayBuffer[]);
