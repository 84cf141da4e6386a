// Runs in a child process: groups the window's demands into topics off the server that serves requests.
import { answerParent } from '../../lib/run-in-child.js';
import { learnPlaces } from './places.js';
import { Segmenter } from './segment.js';
import { type Topic, TopicIndex, type TopicInput } from './topics.js';

answerParent<{ docs: TopicInput[]; userWords: string[]; now: string }, Topic[]>(({ docs, userWords, now }) => {
  const seg = new Segmenter(userWords);
  // Places recur in titles; reading titles alone keeps this pass cheap.
  learnPlaces(
    docs.map((d) => d.title || d.text.slice(0, 60)),
    seg,
  );
  const index = new TopicIndex(seg);
  for (const d of docs) index.add({ ...d, time: new Date(d.time) });
  return index.topics(new Date(now));
});
