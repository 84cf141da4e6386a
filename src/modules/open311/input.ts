import { z } from 'zod';
import { demandTypes, urgencies } from '../demands/index.js';

// What a POST requests may carry, as the spec names it (form-encoded). Each refusal says what to fix.
const coordinate = (min: number, max: number, name: string) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .min(min, { message: `${name} out of range` })
    .max(max, { message: `${name} out of range` });

export const PostRequest = z
  .object({
    api_key: z.string({ message: 'api_key is required' }).min(1, { message: 'api_key is required' }),
    jurisdiction_id: z.string().max(100).optional(),
    service_code: z.string({ message: 'service_code is required' }).regex(/^\d{1,9}$/, { message: 'service_code not found' }),
    lat: coordinate(-90, 90, 'lat').optional(),
    long: coordinate(-180, 180, 'long').optional(),
    address_string: z.string().trim().max(200, { message: 'address_string: at most 200 characters' }).optional(),
    address_id: z.string().trim().max(50).optional(),
    email: z.string().trim().max(100).optional(),
    device_id: z.string().max(100).optional(),
    account_id: z.string().max(100).optional(),
    first_name: z.string().trim().max(50, { message: 'first_name: at most 50 characters' }).optional(),
    last_name: z.string().trim().max(50, { message: 'last_name: at most 50 characters' }).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s-]{5,20}$/, { message: 'phone is not a phone number' })
      .optional(),
    description: z
      .string({ message: 'description is required' })
      .trim()
      .min(1, { message: 'description is required' })
      .max(4000, { message: 'description: at most 4000 characters' }),
    media_url: z
      .string()
      .trim()
      .max(1000)
      .regex(/^https?:\/\/\S+$/, { message: 'media_url must be an http(s) URL' })
      .optional(),
    'attribute[urgency]': z.enum(urgencies, { message: `attribute[urgency] must be one of ${urgencies.join(', ')}` }).optional(),
    'attribute[type]': z.enum(demandTypes, { message: `attribute[type] must be one of ${demandTypes.join(', ')}` }).optional(),
  })
  .refine((v) => (v.lat !== undefined && v.long !== undefined) || !!v.address_string || !!v.address_id, {
    message: 'a location is required: lat and long, address_string or address_id',
  });

const isoDate = (name: string) =>
  z
    .string()
    .refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), { message: `${name} must be ISO 8601 with a time zone` })
    .transform((s) => new Date(s));

export const ListQuery = z.object({
  jurisdiction_id: z.string().max(100).optional(),
  service_request_id: z
    .string()
    .regex(/^\d{1,20}(,\d{1,20}){0,99}$/, { message: 'service_request_id: a comma-separated list of up to 100 ids' })
    .optional(),
  // The spec: several service codes, comma delimited (no spaces).
  service_code: z
    .string()
    .regex(/^\d{1,9}(,\d{1,9}){0,99}$/, { message: 'service_code: a comma-separated list of service codes' })
    .optional(),
  start_date: isoDate('start_date').optional(),
  end_date: isoDate('end_date').optional(),
  status: z.enum(['open', 'closed', 'open,closed', 'closed,open'], { message: 'status must be open or closed' }).optional(),
  page: z.coerce.number().int().min(1).max(10_000, { message: 'page: at most 10000' }).default(1),
  page_size: z.coerce.number().int().min(1).max(1000, { message: 'page_size: 1 to 1000' }).default(1000),
});

/** The first refusal of a zod error, as the spec's one-line description. */
export const firstIssue = (e: z.ZodError) => e.issues[0]?.message ?? 'invalid request';
