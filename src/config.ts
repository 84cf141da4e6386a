import { resolve } from 'node:path';

/** Settings read from the environment, with the defaults `npm start` runs on. */
export type Config = {
  port: number;
  host: string;
  /** postgres://… to use a server; unset = the embedded database in dataDir. */
  databaseUrl?: string;
  /** A streaming replica for the reads that may lag (DATABASE_READ_URL); only beside DATABASE_URL. */
  databaseReadUrl?: string;
  dataDir: string;
  publicRateLimit?: number;
  /** 'auto': Secure when the request came over HTTPS (directly, or per X-Forwarded-Proto from a trusted proxy). */
  secureCookies: boolean | 'auto';
  /** Connections to a PostgreSQL server. */
  poolSize: number;
  /** PostgreSQL's JIT for the app's queries (TINGJIAN_PG_JIT=on); off by default, see bench/README.md. */
  pgJit: boolean;
  /** TINGJIAN_METRICS_TOKEN: when set, /metrics requires it as a bearer token. */
  metricsToken?: string;
  /** How SMS leave: 'log' (development: a log line instead) or 'http' (a provider's send API). */
  sms: {
    gateway: 'log' | 'http';
    url?: string;
    /** Shared with the provider: signs what we send and checks what it reports (inbound texts). */
    secret?: string;
    templateIds?: Record<string, string>;
    /** "22-8": no notices 22:00–08:00 China time (codes still go); "off" for none. */
    quietHours: string;
    perHour: number;
  };
  /** The city's 12345: where status updates are pushed and the secret both sides sign with. */
  city: { url?: string; secret?: string };
  /** TINGJIAN_PBX_SECRET: the hotline's PBX/CTI server signs incoming calls with it; unset = calls refused. */
  pbxSecret?: string;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    // Only this machine by default; a deployment says HOST=0.0.0.0 (or an address) behind its proxy.
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: (env.DATABASE_URL && env.DATABASE_READ_URL) || undefined,
    dataDir: resolve(env.TINGJIAN_DATA_DIR ?? './data'),
    publicRateLimit: env.TINGJIAN_PUBLIC_RATE_LIMIT !== undefined ? Number(env.TINGJIAN_PUBLIC_RATE_LIMIT) : undefined,
    secureCookies: env.TINGJIAN_SECURE_COOKIES === '1' ? true : env.TINGJIAN_SECURE_COOKIES === '0' ? false : 'auto',
    poolSize: Number(env.TINGJIAN_DB_POOL ?? 16),
    pgJit: env.TINGJIAN_PG_JIT === 'on',
    metricsToken: env.TINGJIAN_METRICS_TOKEN || undefined,
    sms: {
      gateway: env.TINGJIAN_SMS_GATEWAY === 'http' ? 'http' : 'log',
      url: env.TINGJIAN_SMS_URL || undefined,
      secret: env.TINGJIAN_SMS_SECRET || undefined,
      templateIds: env.TINGJIAN_SMS_TEMPLATE_IDS ? (JSON.parse(env.TINGJIAN_SMS_TEMPLATE_IDS) as Record<string, string>) : undefined,
      quietHours: env.TINGJIAN_SMS_QUIET_HOURS ?? '22-8',
      perHour: Number(env.TINGJIAN_SMS_PER_HOUR ?? 5),
    },
    city: { url: env.TINGJIAN_CITY_URL || undefined, secret: env.TINGJIAN_CITY_SECRET || undefined },
    pbxSecret: env.TINGJIAN_PBX_SECRET || undefined,
  };
}
