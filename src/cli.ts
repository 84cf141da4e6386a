import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { archiveCommand, archiveUsage } from './archive-command.js';
import { readConfig } from './config.js';
import { dumpDatabase, restoreDatabase } from './db/backup.js';
import { runMigrations } from './db/client.js';
import { queryRows } from './db/rows.js';
import { isEmpty, loadDemo } from './demo/load-demo.js';
import { appContextFor, perform, systemActor } from './kernel/index.js';
import { AppError } from './lib/errors.js';
import { quietLogger } from './lib/logger.js';
import { createUser, type Role, type RoleInput, roles } from './modules/accounts/index.js';
import { regions, units } from './modules/regions/index.js';
import { classifyCommand, importTrainingExamples, readLabeledCsv, topicsCommand } from './modules/text/index.js';
import { openConfiguredDatabase, printWelcome, sharedDataDir, startServer } from './server.js';

const usage = `Usage: tingjian <command> [options]

  serve [--demo]                 migrate, load the demo district if the database is empty (--demo), serve
  migrate                        bring the database schema up to date
  demo                           load the demo district into an empty database
  user add --username U --name N --password P --role ROLE[:REGION_CODE|:UNIT_NAME] [--role …]
                                 roles: ${roles.join(', ')}
  backup --out FILE              write a portable dump (gzip JSON) of all data
  restore --in FILE              load a dump into an empty database (embedded or server)
${archiveUsage}
  classify import --input A.csv  store labeled messages (title,body,label) for category suggestions to learn from
  classify eval --train A.csv (--test B.csv | --folds K) [--format json]
                                 category suggestion quality on labeled CSV (id,title,time,body,label)
  topics --input C.csv [--top N] [--format json]
                                 topics (一类事) in a CSV of messages, hottest first

Environment: DATABASE_URL (server PostgreSQL; unset = embedded in TINGJIAN_DATA_DIR, default ./data), PORT (3000).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = readConfig();
  const archived = await archiveCommand(command, rest, config);
  if (archived !== null) return archived;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false }, port: { type: 'string' } } });
      if (values.port) config.port = Number(values.port);
      const server = await startServer(config, { demoIfEmpty: values.demo ?? false });
      const [{ n }] = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from users`);
      printWelcome(server.url, server.database.kind, config.databaseUrl ? 'DATABASE_URL' : config.dataDir, {
        demo: values.demo ?? false,
        none: Number(n) === 0,
      });
      const shutdown = () => {
        server.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
      return -1; // keep running
    }
    case 'migrate': {
      const database = await openConfiguredDatabase(config);
      await runMigrations(database);
      await database.close();
      console.log('migrations: up to date');
      return 0;
    }
    case 'demo': {
      const database = await openConfiguredDatabase(config);
      await runMigrations(database);
      if (!(await isEmpty(database.db))) {
        await database.close();
        console.error('demo: the database already has data; the demo loads only into an empty one.');
        return 1;
      }
      const { demands } = await loadDemo(
        { db: database.db, now: () => new Date(), log: quietLogger() },
        { sharedDataDir: existsSync(sharedDataDir) ? sharedDataDir : undefined },
      );
      await database.close();
      console.log(`demo: loaded the demo district with ${demands} demands`);
      return 0;
    }
    case 'user': {
      if (rest[0] !== 'add') break;
      const { values } = parseArgs({
        args: rest.slice(1),
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string', multiple: true },
        },
      });
      if (!values.username || !values.password) {
        console.error('user add: --username and --password are required');
        return 2;
      }
      const database = await openConfiguredDatabase(config);
      await runMigrations(database);
      try {
        const roleInputs: RoleInput[] = [];
        for (const spec of values.role ?? []) {
          const [role, scope] = spec.split(':', 2) as [Role, string | undefined];
          if (!roles.includes(role)) throw new Error(`unknown role "${role}" (one of ${roles.join(', ')})`);
          if (role === 'handler') {
            const [unit] = scope ? await database.db.select().from(units).where(eq(units.name, scope)) : [];
            if (!unit) throw new Error(`handler needs an existing unit: --role handler:UNIT_NAME`);
            roleInputs.push({ role, unitId: unit.id });
          } else if (scope) {
            const [region] = await database.db.select().from(regions).where(eq(regions.code, scope));
            if (!region) throw new Error(`no region with code ${scope}`);
            roleInputs.push({ role, regionId: region.id });
          } else roleInputs.push({ role });
        }
        const { id } = await perform(appContextFor(database.db), systemActor, createUser, {
          username: values.username,
          displayName: values.name ?? values.username,
          password: values.password,
          roles: roleInputs,
        });
        console.log(`user add: created ${values.username} (id ${id})`);
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'backup': {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
      if (!values.out) {
        console.error('backup: --out FILE is required');
        return 2;
      }
      if (existsSync(values.out)) {
        console.error(`backup: ${values.out} already exists; name a new file (a backup never overwrites another)`);
        return 2;
      }
      const database = await openConfiguredDatabase(config);
      await runMigrations(database);
      const { bytes, rows } = await dumpDatabase(database.db);
      writeFileSync(values.out, bytes, { flag: 'wx' });
      await database.close();
      console.log(`backup: ${rows} rows written to ${values.out}`);
      return 0;
    }
    case 'restore': {
      const { values } = parseArgs({ args: rest, options: { in: { type: 'string' } } });
      if (!values.in) {
        console.error('restore: --in FILE is required');
        return 2;
      }
      const database = await openConfiguredDatabase(config);
      await runMigrations(database);
      try {
        const rows = await restoreDatabase(database.db, readFileSync(values.in));
        console.log(`restore: ${rows} rows restored from ${values.in}`);
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'classify': {
      if (rest[0] !== 'import') return classifyCommand(rest);
      const { values } = parseArgs({ args: rest.slice(1), options: { input: { type: 'string' } } });
      if (!values.input) {
        console.error('classify import: --input FILE is required (CSV with title,body,label)');
        return 2;
      }
      const database = await openConfiguredDatabase(config);
      await runMigrations(database);
      try {
        const n = await perform(appContextFor(database.db), systemActor, importTrainingExamples, {
          rows: readLabeledCsv(values.input),
          source: values.input,
        });
        console.log(`classify import: ${n} labeled messages stored; suggestions learn from them at the next training`);
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'topics':
      return topicsCommand(rest);
    default:
      break;
  }
  console.log(usage);
  return command && command !== 'help' && command !== '--help' ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(
      err instanceof AppError
        ? `错误：${err.messageFor('zh-CN')}\nerror: ${err.messageFor('en')}`
        : err instanceof Error
          ? `error: ${err.message}`
          : err,
    );
    process.exit(1);
  },
);
