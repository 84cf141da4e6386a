// Runs in a worker thread: groups the window's demands into topics off the event loop that serves requests.
import { parentPort, workerData } from 'node:worker_threads';
import { learnPlaces } from './places.js';
import { Segmenter } from './segment.js';
import { TopicIndex, type TopicInput } from './topics.js';

const { docs, userWords, now } = workerData as { docs: TopicInput[]; userWords: string[]; now: string };
const seg = new Segmenter(userWords);
// Places recur in titles; reading titles alone keeps this pass cheap.
learnPlaces(
  docs.map((d) => d.title || d.text.slice(0, 60)),
  seg,
);
const index = new TopicIndex(seg);
for (const d of docs) index.add({ ...d, time: new Date(d.time) });
parentPort!.postMessage(index.topics(new Date(now)));
