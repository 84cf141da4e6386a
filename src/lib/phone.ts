import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * One spelling for a phone number, wherever one is stored, compared, hashed or limited: a mainland number as
 * its national digits (`13900001111`, as residents write it and as stored since the start), any other valid
 * number in E.164 (`+14155550100`). `+86 139…`, `86139…` and `0086139…` are the same `139…`. Text no parser
 * reads keeps its digits (and a leading +), so nothing a resident typed is lost.
 */
export function canonicalPhone(raw: string): string {
  const trimmed = raw.trim();
  const international = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
  const digits = international.replace(/\D/g, '');
  // 86 and eleven digits is a mainland mobile written without its +.
  const spelled = !international.startsWith('+') && /^861[3-9]\d{9}$/.test(digits) ? `+${digits}` : international;
  const parsed = parsePhoneNumberFromString(spelled, 'CN');
  if (parsed?.isValid()) return parsed.country === 'CN' ? parsed.formatNational().replace(/\D/g, '') : parsed.number;
  return (international.startsWith('+') ? '+' : '') + digits;
}

// Satellite services numbered among the mobiles: China Satcom (1349), maritime (17400–17405), Tiantong (1749).
const satellite = /^(1349|1740[0-5]|1749)/;

/** A mainland mobile number (1[3-9] and nine digits, satellite ranges excepted), in canonical form. */
export function isMainlandMobile(canonical: string): boolean {
  return /^1[3-9]\d{9}$/.test(canonical) && !satellite.test(canonical);
}

/** A mobile number outside the mainland (canonical E.164), by the number plan libphonenumber-js keeps: satellite and short numbers are not. */
export function isMobileBeyondMainland(canonical: string): boolean {
  if (!canonical.startsWith('+')) return false;
  const parsed = parsePhoneNumberFromString(canonical);
  if (!parsed?.isValid() || parsed.country === undefined || parsed.country === 'CN') return false;
  const type = parsed.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}
