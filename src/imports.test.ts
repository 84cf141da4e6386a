import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of src/, lowest first: a folder may import from its own layer and below. An import
// from a lower layer to a higher one "runs back up" (issue 28 counts them; the target is ≤ 8).
// Modules are one layer: between two modules the boundary rule in biome.json decides.
const layers: [RegExp, number][] = [
  [/^lib$/, 0],
  [/^kernel$/, 1],
  [/^db$/, 2],
  [/^http$/, 3], // what routes are built with: router, caller, limiters, schemas
  [/^modules\/[^/]+$/, 4],
  [/^app$/, 5], // what composes the modules: the app, sign-in, metrics, the schema drizzle-kit reads
  [/^demo$/, 6],
  [/^\.$/, 7], // cli.ts, server.ts, config.ts: the process
];

const src = resolve(import.meta.dirname);
const files = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
  .map((e) => join(e.parentPath, e.name));

/** The folder a file belongs to for layering: a module's whole tree is the module. */
function folder(file: string): string {
  const rel = relative(src, dirname(file)).split('/');
  if (rel[0] === '') return '.';
  return rel[0] === 'modules' ? `modules/${rel[1]}` : rel[0];
}
const layer = (f: string) => layers.find(([re]) => re.test(f))?.[1] ?? -1;

const importPattern = /(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
const edges = new Map<string, Set<string>>();
for (const file of files) {
  const targets = new Set<string>();
  for (const m of readFileSync(file, 'utf8').matchAll(importPattern)) {
    const spec = m[1] ?? m[2];
    const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
    if (files.includes(target)) targets.add(target);
  }
  edges.set(file, targets);
}

describe('imports between the folders of src/', () => {
  const arrows = new Set<string>();
  for (const [from, tos] of edges) for (const to of tos) if (folder(from) !== folder(to)) arrows.add(`${folder(from)} → ${folder(to)}`);
  const up = [...arrows].filter((a) => {
    const [from, to] = a.split(' → ');
    return layer(from) < layer(to);
  });

  it('puts every folder in a layer', () => {
    const folders = new Set([...edges.keys()].map(folder));
    expect([...folders].filter((f) => layer(f) < 0)).toEqual([]);
  });

  it('counts the arrows running back up (a ratchet: lower it as the layers are straightened, never raise it)', () => {
    // 46 when this test was written: 22 from db/schema.ts re-exporting every module's tables and 24
    // from modules' routes into http/, whose folder also held the app that composed them. With the
    // composing files (app, auth, metrics, the OpenAPI document, static files) and schema.ts moved to
    // app/, above the modules, and http/ keeping only what routes are built with, none.
    console.info(`${up.length} of ${arrows.size} arrows between src/ folders run back up:\n  ${up.sort().join('\n  ')}`);
    expect(up.length).toBeLessThanOrEqual(ratchet);
  });

  it('has no import circle between files', () => {
    // Tarjan's strongly connected components: any component of more than one file is a circle.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    const visit = (v: string) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      for (const w of edges.get(v) ?? []) {
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(relative(src, w));
        } while (w !== v);
        if (component.length > 1) circles.push(component);
      }
    };
    for (const v of edges.keys()) if (!idx.has(v)) visit(v);
    expect(circles).toEqual([]);
  });
});

const ratchet = 0;

describe("modules reading other modules' tables", () => {
  // A module's tables are the names its tables.ts defines with pgTable (whether another module reaches them through
  // that file or through an index that re-exports them).
  const modulesDir = join(src, 'modules');
  const tablesOf = new Map<string, Set<string>>();
  for (const m of readdirSync(modulesDir)) {
    const file = join(modulesDir, m, 'tables.ts');
    const text = files.includes(file) ? readFileSync(file, 'utf8') : '';
    tablesOf.set(m, new Set([...text.matchAll(/export const (\w+)\s*=\s*pgTable/g)].map((x) => x[1])));
  }
  const moduleOf = (file: string) => /^modules\/([^/]+)/.exec(relative(src, file))?.[1];
  const reaches: string[] = [];
  for (const file of files) {
    const own = moduleOf(file);
    if (!own || file.endsWith('/tables.ts')) continue; // a foreign key may name another module's table
    for (const m of readFileSync(file, 'utf8').matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(\.[^']+)'/g)) {
      const other = moduleOf(resolve(dirname(file), m[2]));
      if (!other || other === own) continue;
      const names = m[1].split(',').map(
        (n) =>
          n
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0],
      );
      for (const name of names) if (tablesOf.get(other)?.has(name)) reaches.push(`${relative(src, file)} → ${other}.${name}`);
    }
  }

  it('counts the imports of another module’s table outside tables.ts (a ratchet: lower it, never raise it)', () => {
    // 102 when this was first counted (2026-12-07), most of them joins to regions for a name or a path; none once the
    // owning modules gave read expressions (regionOf, unitNameOf, userNameOf, categoryOf, regionIdsWhere), read
    // functions (each module's read.ts; demands' figures in read-figures.ts) and the history import's write
    // (demands/historic.ts) (issue 28, item 2).
    console.info(`${reaches.length} imports of another module's table:\n  ${reaches.sort().join('\n  ')}`);
    expect(reaches.length).toBeLessThanOrEqual(foreignTablesRatchet);
  });
});

const foreignTablesRatchet = 0;
