import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The web is typed by the API's own paths (STYLE 17): a call names an operation and its answer follows. Two things
// betray a page that types the API by hand, and both can be read mechanically from the sources:
//  1. a generic call to the old untyped helper, `api<…>(…)` (or any `api(` call: the helper is gone);
//  2. a type declared in `web/` (`type X = { … }` or `interface X { … }`) whose fields repeat an object of the OpenAPI
//     document: at least three top-level field names, all of them fields of one object that the generated
//     `api-types.ts` declares (a named schema, an inline answer or a request body). Such a type should be
//     `Schemas['…']`, `Answer<…>`, `Item<…>` or `Init<…>` instead. Shapes that are the page's own (form values,
//     view state) rarely repeat three names of one API object; when one must, it is derived, not redeclared.

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && name !== 'api-types.ts' ? [path] : [];
  });
}

/** Every object the generated document declares, as the set of its direct field names (read by indentation). */
function documentShapes(generated: string): Set<string>[] {
  const lines = generated.split('\n');
  const shapes: Set<string>[] = [];
  lines.forEach((line, at) => {
    const open = /^(\s*)(?:"[^"]+"|[\w$]+)\??: (?:[^{]*& )?\(?\{$/.exec(line);
    if (!open) return;
    const inner = `${open[1]}    `;
    const keys = new Set<string>();
    for (let i = at + 1; i < lines.length; i++) {
      const l = lines[i] ?? '';
      if (l.trim() === '' || l.startsWith(inner)) {
        const key = new RegExp(`^${inner}(?:readonly )?"?([\\w$]+)"?\\??:`).exec(l);
        if (key?.[1]) keys.add(key[1]);
        continue;
      }
      break;
    }
    if (keys.size > 0) shapes.push(keys);
  });
  return shapes;
}

/** The top-level field names of each object type declared in a source file: `type X = { a: …; b?: … }`. */
function declaredShapes(source: string): { name: string; keys: string[] }[] {
  const found: { name: string; keys: string[] }[] = [];
  const start = /(?:type\s+(\w+)(?:<[^>]*>)?\s*=\s*\{|interface\s+(\w+)(?:<[^>]*>)?(?:\s+extends[^{]+)?\s*\{)/g;
  for (const m of source.matchAll(start)) {
    const keys: string[] = [];
    let depth = 1;
    let token = '';
    for (let i = (m.index ?? 0) + m[0].length; i < source.length && depth > 0; i++) {
      const c = source[i] ?? '';
      if ('{[(<'.includes(c)) depth++;
      else if ('}])>'.includes(c) && !(c === '>' && source[i - 1] === '=')) depth--;
      else if (depth === 1 && c === ':') {
        const key = /(?:readonly\s+)?['"]?([\w$]+)['"]?\??\s*$/.exec(token);
        if (key?.[1]) keys.push(key[1]);
        token = '';
        continue;
      }
      if (depth === 1 && (c === ';' || c === ',' || c === '\n')) token = '';
      else if (depth === 1) token += c;
    }
    found.push({ name: m[1] ?? m[2] ?? '?', keys });
  }
  return found;
}

function handTyped(source: string, shapes: Set<string>[]): string[] {
  return declaredShapes(source)
    .filter(({ keys }) => keys.length >= 3 && shapes.some((shape) => keys.every((k) => shape.has(k))))
    .map(({ name, keys }) => `${name} { ${keys.join(', ')} }`);
}

const untypedCall = /\bapi\s*(<|\()/;

describe('the web is typed by the API paths', () => {
  const shapes = documentShapes(readFileSync('web/shared/api-types.ts', 'utf8'));

  it('the detectors see what they look for and nothing wider', () => {
    expect(untypedCall.test("api<{ items: Region[] }>('GET', '/regions')")).toBe(true);
    expect(untypedCall.test("await api('POST', '/auth/logout')")).toBe(true);
    expect(untypedCall.test("client.GET('/regions')")).toBe(false);
    expect(untypedCall.test('const apiKey = r.apiKey;')).toBe(false);
    const region = 'type Region = { id: number; parentId: number | null; level: string; name: string; code: string };';
    expect(handTyped(region, shapes)).toEqual(['Region { id, parentId, level, name, code }']);
    expect(handTyped('type Row = { id: number; name: string; flavour: string };', shapes)).toEqual([]);
    expect(handTyped("type Region = Schemas['Region'];", shapes)).toEqual([]);
    expect(handTyped('type Two = { id: number; name: string };', shapes)).toEqual([]);
  });

  it('no call to an untyped helper and no hand-typed API shape in web/', () => {
    const offences = ['web/console', 'web/portal', 'web/shared'].flatMap(sources).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const calls = source
        .split('\n')
        .flatMap((line, i) => (untypedCall.test(line) ? [`${file}:${i + 1} ${line.trim().slice(0, 80)}`] : []));
      return [...calls, ...handTyped(source, shapes).map((shape) => `${file}: ${shape}`)];
    });
    expect(offences).toEqual([]);
  });
});
