import { XMLBuilder } from 'fast-xml-parser';
import { redactTree } from '../../lib/redact-tree.js';

export type Format = 'json' | 'xml';

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false, processEntities: true });

type Value = string | number | boolean | null | undefined | Value[] | { [k: string]: Value };

// The spec's XML has a root, a repeated child per item, and lists inside items spelled out
// (<formats><format>…); JSON is the bare array or object.
// Everything Open311 answers is public: it passes the public redaction gate here, once, before either serialiser.
export function render(format: Format, root: string, item: string | null, raw: Value): { body: string; type: string } {
  const data = redactTree(raw);
  if (format === 'json') return { body: JSON.stringify(data), type: 'application/json; charset=utf-8' };
  const inner = item ? { [item]: clean(data) } : clean(data);
  const xml = builder.build({ [root]: inner }) as string;
  return { body: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, type: 'text/xml; charset=utf-8' };
}

function clean(v: Value): Value {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(clean);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));
  return v;
}

/** The spec's error list: `[{code, description}]`, `<errors><error>…`. */
export function renderErrors(format: Format, code: number, description: string) {
  return render(format, 'errors', 'error', [{ code, description }]);
}
