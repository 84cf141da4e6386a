import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ActionContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { imageSize, maxImagePixels, maxImageSide } from '../../../lib/image-size.js';
import { isTerminal } from '../lifecycle.js';
import { mayView } from '../policy.js';
import { loadDemand, recordEvent, unitsEverAssigned } from '../store.js';
import { attachments } from '../tables.js';

export const maxAttachmentBytes = 5 * 1024 * 1024;
export const maxAttachmentsPerDemand = 9;

/** The file's own bytes decide its type; the declared type must agree. */
export function sniffImage(data: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 12 && data.toString('ascii', 0, 4) === 'RIFF' && data.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export type AddAttachmentOptions = { demandId: number; filename: string; contentType: string; data: Buffer };

export async function addAttachment(a: ActionContext, opts: AddAttachmentOptions) {
  if (opts.data.length === 0) throw new AppError('request.invalid', { zh: '文件为空。', en: 'The file is empty.' });
  if (opts.data.length > maxAttachmentBytes) throw new AppError('request.too_large', { details: { maxBytes: maxAttachmentBytes } });
  const sniffed = sniffImage(opts.data);
  if (!sniffed || sniffed !== opts.contentType) {
    throw new AppError('request.unsupported_media', {
      zh: '只接受 JPEG、PNG 或 WebP 照片，且文件内容须与声明的类型一致。',
      en: 'Only JPEG, PNG or WebP photos are accepted, and the content must match the declared type.',
      details: { declared: opts.contentType, detected: sniffed },
    });
  }
  const size = imageSize(opts.data, sniffed);
  if (
    !size ||
    size.width === 0 ||
    size.height === 0 ||
    size.width > maxImageSide ||
    size.height > maxImageSide ||
    size.width * size.height > maxImagePixels
  ) {
    throw new AppError('request.unsupported_media', {
      zh: `照片尺寸无法识别或过大（每边最多 ${maxImageSide} 像素），请换一张照片。`,
      en: `The photo's size cannot be read or is too large (at most ${maxImageSide} pixels a side); choose another photo.`,
      details: size ?? undefined,
    });
  }
  const { tx, now } = a;
  const demand = await loadDemand(tx, opts.demandId);
  if (!demand) throw new AppError('not_found');
  if (
    a.actor.kind === 'user' &&
    !mayView(a.actor, { regionPath: demand.regionPath, unitId: demand.unitId }, await unitsEverAssigned(tx, demand.id))
  ) {
    throw new AppError('not_found');
  }
  if (isTerminal(demand.state))
    throw new AppError('demand.invalid_transition', {
      zh: '诉求已结束，不能再添加附件。',
      en: 'The demand is finished; no more attachments.',
    });
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(attachments).where(eq(attachments.demandId, demand.id));
  if (n >= maxAttachmentsPerDemand) {
    throw new AppError('request.invalid', {
      zh: `每件诉求最多 ${maxAttachmentsPerDemand} 个附件。`,
      en: `At most ${maxAttachmentsPerDemand} attachments per demand.`,
    });
  }
  const [row] = await tx
    .insert(attachments)
    .values({
      demandId: demand.id,
      filename: cleanFilename(opts.filename),
      contentType: sniffed,
      size: opts.data.length,
      sha256: createHash('sha256').update(opts.data).digest('hex'),
      data: opts.data,
      uploadedBy: a.actor.kind === 'user' ? a.actor.userId : null,
      createdAt: now,
    })
    .returning({ id: attachments.id, filename: attachments.filename, contentType: attachments.contentType, size: attachments.size });
  await recordEvent(a, {
    demand,
    action: 'attach',
    fromState: demand.state,
    to: demand.state,
    data: { attachmentId: row.id, filename: row.filename },
  });
  return row;
}

/**
 * A file name as people will read it in lists and downloads: line breaks, control characters and the direction marks
 * that make a name read backwards (U+202E before "gnp.exe" shows "exe.png") become one space.
 */
export function cleanFilename(name: string): string {
  const cleaned = name
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned || 'photo';
}
