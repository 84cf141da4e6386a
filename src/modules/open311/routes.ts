import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { SqlClient } from '../../db/client.js';
import { cleanText } from '../../http/control-characters.js';
import type { HttpEnv } from '../../http/env.js';
import { limiter } from '../../http/limiters.js';
import { rateLimit } from '../../http/rate-limit.js';
import { type AppContext, perform, replicaOf, residentActor } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { sha256 } from '../../lib/hash.js';
import { submitOpen311Request } from './actions/submit-request.js';
import { type Format, render, renderErrors } from './format.js';
import { firstIssue, ListQuery, PostRequest } from './input.js';
import { personName } from './people.js';
import { findKey, findRegionByCode, findToken, serviceExists } from './queries/lookups.js';
import { listRequests } from './queries/requests.js';
import { listServices, serviceDefinition } from './services.js';
import { requestWindow } from './window.js';

/** Thrown inside a handler: answered as the spec's error list in the requested format. */
class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 413 | 429,
    message: string,
  ) {
    super(message);
  }
}

const route = /^\/(discovery|services|requests|tokens)(?:\/([^/]+?))?\.(json|xml)$/;

/**
 * The largest POST read: the spec's fields with a 4,000-character description, percent-encoded, fit in well under
 * half of it. A larger body is refused before it is read, so no one without a key makes the server read megabytes.
 */
export const open311MaxBodyBytes = 64 * 1024;

const formatOf = (path: string): Format => (path.endsWith('.xml') ? 'xml' : 'json');

/**
 * Open311 GeoReport v2 at /open311/v2: discovery, services (+ definitions), POST and GET requests,
 * one request, tokens — JSON and XML. Anyone may read; posting needs an API key issued by an admin,
 * limited per key.
 */
export function open311Routes(
  ctx: AppContext,
  opts: { sqlClient?: SqlClient; perKeyPerMinute?: number; readsPerMinute?: () => number } = {},
) {
  const app = new Hono<HttpEnv>();
  const perKey = limiter(opts.sqlClient, 'open311_key', opts.perKeyPerMinute ?? 60, 60);
  // Reads count against the address's one budget for public page loads, shared with the portal's.
  const reads = opts.readsPerMinute && rateLimit(opts.readsPerMinute, { name: 'reads', client: opts.sqlClient, counts: 'reads' });

  const send = (c: Context<HttpEnv>, out: { body: string; type: string }, status: 200 | 201 | 400 | 403 | 404 | 413 | 429 = 200) =>
    c.body(out.body, status, { 'content-type': out.type });

  app.use(
    '/*',
    bodyLimit({
      maxSize: open311MaxBodyBytes,
      onError: (c) => {
        // As on /api: answer at once and close rather than read the rest only to drop it.
        c.header('Connection', 'close');
        const description = `the body is over ${open311MaxBodyBytes} bytes; send media as media_url`;
        return send(c, renderErrors(formatOf(c.req.path), 413, description), 413);
      },
    }),
  );

  const handle = (method: 'GET' | 'POST') => async (c: Context<HttpEnv>) => {
    const m = route.exec(c.req.path.replace(/^.*\/open311\/v2/, ''));
    if (!m) return send(c, renderErrors('json', 404, 'not found: see discovery.json'), 404);
    const [, resource, id, format] = m as unknown as [string, string, string | undefined, Format];
    try {
      if (method === 'POST') {
        if (resource !== 'requests' || id) throw new Open311Error(404, 'not found');
        return send(c, await postRequest(c, format), 201);
      }
      if (reads) await reads(c, async () => {});
      return send(c, await get(c, resource, id, format));
    } catch (err) {
      if (err instanceof Open311Error) return send(c, renderErrors(format, err.status, err.message), err.status);
      if (err instanceof AppError && err.status < 500) {
        const status = err.status === 429 ? 429 : err.status === 404 ? 404 : err.status === 403 ? 403 : 400;
        return send(c, renderErrors(format, status, err.messageFor('en')), status);
      }
      throw err;
    }
  };

  async function get(c: Context<HttpEnv>, resource: string, id: string | undefined, format: Format) {
    const base = new URL(c.req.url);
    if (resource === 'discovery' && !id) {
      const endpoint = {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${base.origin}/open311/v2`,
        changeset: '2026-11-29T00:00:00Z',
        type: 'production',
        formats: format === 'xml' ? { format: ['text/xml', 'application/json'] } : ['text/xml', 'application/json'],
      };
      return render(format, 'discovery', null, {
        changeset: '2026-11-29T00:00:00Z',
        contact: '请联系本区 12345 热线管理员 / the district 12345 administrator',
        key_service: `${base.origin}/api/v1/open311/keys (admin: POST to issue)`,
        endpoints: format === 'xml' ? { endpoint: [endpoint] } : [endpoint],
      });
    }
    if (resource === 'services' && !id) return render(format, 'services', 'service', await listServices(replicaOf(ctx)));
    if (resource === 'services' && id) {
      if (!/^\d{1,9}$/.test(id) || !(await serviceExists(ctx.db, Number(id)))) throw new Open311Error(404, 'service_code not found');
      const def = serviceDefinition(id);
      if (format === 'json') return render(format, 'service_definition', null, def);
      return render(format, 'service_definition', null, {
        service_code: def.service_code,
        attributes: { attribute: def.attributes.map((a) => ({ ...a, values: { value: a.values } })) },
      });
    }
    if (resource === 'tokens' && id) {
      const found = /^[0-9a-f]{24}$/.test(id) ? await findToken(ctx.db, id) : null;
      if (!found) throw new Open311Error(404, 'token not found');
      return render(format, 'service_requests', 'request', [{ service_request_id: found.number, token: id }]);
    }
    if (resource === 'requests') {
      if (id) {
        if (!/^\d{1,20}$/.test(id)) throw new Open311Error(404, 'service_request_id not found');
        const items = await listRequests(replicaOf(ctx), { ids: [id], page: 1, pageSize: 1 });
        if (items.length === 0) throw new Open311Error(404, 'service_request_id not found');
        return render(format, 'service_requests', 'request', items);
      }
      const q = ListQuery.safeParse(c.req.query());
      if (!q.success) throw new Open311Error(400, firstIssue(q.error));
      const v = q.data;
      const ids = v.service_request_id?.split(',');
      // The spec: service_request_id overrides all other arguments (dates, codes, status, paging).
      // Lists read the replica; one request or a token (an integrator reading back its own post) the primary.
      if (ids) return render(format, 'service_requests', 'request', await listRequests(ctx.db, { ids, page: 1, pageSize: ids.length }));
      const window = requestWindow(v.start_date, v.end_date, ctx.now());
      if (!window) throw new Open311Error(400, 'end_date is before start_date');
      const status = v.status === 'open' || v.status === 'closed' ? v.status : undefined;
      const items = await listRequests(ctx.db, {
        serviceCodes: v.service_code?.split(',').map(Number),
        start: window.start,
        end: window.end,
        status,
        page: v.page,
        pageSize: v.page_size,
      });
      return render(format, 'service_requests', 'request', items);
    }
    throw new Open311Error(404, 'not found');
  }

  async function postRequest(c: Context<HttpEnv>, format: Format) {
    const form = await c.req.parseBody().catch(() => {
      throw new Open311Error(400, 'the body must be application/x-www-form-urlencoded');
    });
    // A field sent empty is a field not sent (forms post every input, filled or not).
    const fields = Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Record<
      string,
      string
    >;
    if (!fields.api_key) throw new Open311Error(403, 'api_key is required');
    const key = await findKey(ctx.db, sha256(fields.api_key));
    if (!key) throw new Open311Error(403, 'api_key is not valid (unknown or revoked)');
    // The API's gate, plus U+FFFD: a form's bytes that are not UTF-8 (half a surrogate pair among them) arrive as
    // that replacement character, and the integrator should hear of it rather than the resident's text be mangled.
    const typed = (text: string) => cleanText(text) && !text.includes('\uFFFD');
    for (const [name, value] of Object.entries(fields)) {
      if (!typed(name) || !typed(value))
        throw new Open311Error(400, `${typed(name) ? name : 'a field name'} contains a control character or bytes that are not UTF-8`);
    }
    try {
      await perKey.consume(String(key.id));
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        c.header('Retry-After', String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))));
        throw new Open311Error(429, 'too many requests for this api_key; try again shortly');
      }
      throw res;
    }
    const parsed = PostRequest.safeParse(fields);
    if (!parsed.success) throw new Open311Error(400, firstIssue(parsed.error));
    const v = parsed.data;
    if (!(await serviceExists(ctx.db, Number(v.service_code)))) throw new Open311Error(400, 'service_code not found');
    const region = v.address_id ? await findRegionByCode(ctx.db, v.address_id) : null;
    if (v.address_id && !region) throw new Open311Error(400, 'address_id not found (use a region code)');
    const name = personName(v.first_name, v.last_name);
    const made = await perform(ctx, residentActor, submitOpen311Request, {
      keyId: key.id,
      keyName: key.name,
      mediaUrl: v.media_url ?? null,
      addressId: v.address_id ?? null,
      demand: {
        type: v['attribute[type]'] ?? 'complaint',
        content: v.description,
        reporterName: name,
        reporterPhone: v.phone ?? null,
        // Intake needs a way back to the resident: the e-mail, or the integrator that relayed them.
        reporterContact: v.phone ? null : v.email || `Open311：${key.name}`,
        regionId: region?.id ?? key.regionId,
        address: v.address_string ?? null,
        latitude: v.lat ?? null,
        longitude: v.long ?? null,
        categoryId: Number(v.service_code),
        urgency: v['attribute[urgency]'] ?? 'normal',
      },
    });
    return render(format, 'service_requests', 'request', [
      { service_request_id: made.number, token: made.token, service_notice: '已受理，请凭编号查询办理进度。', account_id: null },
    ]);
  }

  app.get('/*', handle('GET'));
  app.post('/*', handle('POST'));
  return app;
}
