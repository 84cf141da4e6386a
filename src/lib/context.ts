import type { Logger } from 'pino';
import type { Db } from '../db/client.js';

/** What every action gets: the database, the clock (replaceable in tests) and a logger. */
export type AppContext = {
  db: Db;
  now: () => Date;
  log: Logger;
};
