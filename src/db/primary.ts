import pg from 'pg';

/**
 * `postgres://user@h1:5433,h2:5434/db?target_session_attrs=read-write` as one URL per host, in
 * order, each with the rest of the original (user, database, parameters). node-postgres reads one
 * host only; libpq's list form is what operators write, so it is split here.
 */
export function splitHosts(url: string): string[] {
  const m = /^(postgres(?:ql)?:\/\/)(?:([^@/?]*)@)?([^/?]*)(\/[^?]*)?(\?.*)?$/.exec(url);
  if (!m) return [url];
  const [, scheme, auth, hosts, path = '', query = ''] = m;
  const list = hosts.split(',').filter(Boolean);
  if (list.length < 2) return [url];
  // target_session_attrs is what this file does; pg would pass it to the server as an unknown option.
  const params = new URLSearchParams(query.slice(1));
  params.delete('target_session_attrs');
  const rest = params.toString();
  return list.map((h) => `${scheme}${auth !== undefined ? `${auth}@` : ''}${h}${path}${rest ? `?${rest}` : ''}`);
}

/** Whether a server takes writes: a primary says `transaction_read_only = off`, a standby `on`. */
async function isPrimary(url: string, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ transaction_read_only: string }>('show transaction_read_only');
    return rows[0]?.transaction_read_only === 'off';
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export class NoPrimaryError extends Error {
  constructor(hosts: string[]) {
    super(`none of ${hosts.length} database hosts takes writes (all down, or standbys not promoted yet)`);
  }
}

/**
 * The host among several that is the primary now. Found at start; looked for again when a
 * connection to it fails or finds it read-only (the primary died and a standby was promoted):
 * every new connection of the pool then goes to the new primary, without a restart.
 */
export class PrimaryFinder {
  private current: string;
  private looking: Promise<string> | null = null;

  constructor(
    readonly hosts: string[],
    private readonly timeoutMs = 2_000,
  ) {
    this.current = hosts[0];
  }

  /** The URL new connections use. */
  get url(): string {
    return this.current;
  }

  /** Asks each host in turn (the current one first) and keeps the one that takes writes. */
  find(): Promise<string> {
    this.looking ??= (async () => {
      try {
        for (const url of [this.current, ...this.hosts.filter((h) => h !== this.current)]) {
          if (await isPrimary(url, this.timeoutMs)) {
            this.current = url;
            return url;
          }
        }
        throw new NoPrimaryError(this.hosts);
      } finally {
        this.looking = null;
      }
    })();
    return this.looking;
  }

  /** The current host failed a connection: look again in the background (callers retry their work). */
  lost(): void {
    this.find().catch(() => undefined);
  }
}

/**
 * A pool over several hosts: each new connection goes to the primary as last found, and checks
 * that it still takes writes (a demoted or recovering server answers read-only).
 */
export function primaryPool(finder: PrimaryFinder, options: pg.PoolConfig): pg.Pool {
  type Connect = (callback: (err: Error | null) => void) => void;
  class PrimaryClient extends pg.Client {
    constructor(config: pg.ClientConfig) {
      super({ ...config, connectionString: finder.url });
      // The pool connects with a callback: a refusal (the server is gone) starts the search at once.
      const connect = (this.connect as unknown as Connect).bind(this);
      (this as unknown as { connect: Connect }).connect = (callback) =>
        connect((err) => {
          if (err) finder.lost();
          callback(err);
        });
    }
  }
  const pool = new pg.Pool({
    ...options,
    Client: PrimaryClient as unknown as typeof pg.Client,
    onConnect: async (client: pg.ClientBase) => {
      const { rows } = await client.query<{ transaction_read_only: string }>('show transaction_read_only');
      if (rows[0]?.transaction_read_only !== 'off') {
        finder.lost();
        throw new Error('connected to a read-only server: looking for the new primary');
      }
    },
  } as pg.PoolConfig);
  // A connection that broke while idle (its server died): the next ones may need another host.
  pool.on('error', () => finder.lost());
  return pool;
}
