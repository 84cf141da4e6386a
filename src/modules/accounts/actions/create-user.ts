import { type ActionContext, audit, isAdmin } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { canonicalPhone, isMainlandMobile } from '../../../lib/phone.js';
import { getRegion, getUnit } from '../../regions/index.js';
import { hashPassword } from '../password.js';
import { sameUsername } from '../store.js';
import { type Role, userRoles, users } from '../tables.js';

export type RoleInput = { role: Role; regionId?: number | null; unitId?: number | null };

export type CreateUserOptions = {
  username: string;
  displayName: string;
  password: string;
  phone?: string | null;
  roles: RoleInput[];
};

/** Admin: a staff account with its roles (the password is stored as an scrypt hash only). */
export async function createUser(a: ActionContext, opts: CreateUserOptions): Promise<{ id: number }> {
  if (a.actor.kind !== 'system' && !isAdmin(a.actor)) throw new AppError('auth.forbidden');
  if (opts.password.length < 8) {
    throw new AppError('request.invalid', { zh: '密码至少 8 位。', en: 'The password needs at least 8 characters.' });
  }
  // Stored as 短信解锁 compares it: a number that unlock would never text is refused now, not discovered when locked out.
  const phone = opts.phone?.trim() ? canonicalPhone(opts.phone) : null;
  if (phone !== null && !isMainlandMobile(phone)) {
    throw new AppError('request.invalid', {
      zh: `手机号 ${opts.phone?.trim()} 不是中国大陆手机号（11 位，以 1 开头）：短信解锁只发往大陆手机号。`,
      en: `${opts.phone?.trim()} is not a mainland mobile number (11 digits starting with 1): unlock codes go to mainland mobiles only.`,
      details: { field: 'phone' },
    });
  }
  for (const r of opts.roles) {
    if (r.role === 'handler' && !r.unitId) {
      throw new AppError('request.invalid', { zh: '承办人员角色必须指定承办单位。', en: 'A handler role needs a unit.' });
    }
    // A region role scoped to a unit would silently cover the whole district: refuse it.
    if (r.role !== 'handler' && r.unitId) {
      throw new AppError('request.invalid', {
        zh: '只有承办人员角色可以指定承办单位；其他角色请指定区域。',
        en: 'Only a handler role takes a unit; give other roles a region.',
        details: { role: r.role },
      });
    }
    if (r.role === 'handler' && r.regionId) {
      throw new AppError('request.invalid', {
        zh: '承办人员角色按承办单位授权，不能指定区域。',
        en: 'A handler role is scoped by its unit, not a region.',
      });
    }
  }
  const username = opts.username.trim().toLowerCase();
  const passwordHash = await hashPassword(opts.password);
  const { tx } = a;
  {
    const [existing] = await tx.select({ id: users.id }).from(users).where(sameUsername(username));
    if (existing)
      throw new AppError('conflict.duplicate', { zh: `用户名 ${opts.username} 已被使用。`, en: `Username ${opts.username} is taken.` });
    for (const r of opts.roles) {
      if (r.regionId) {
        if (!(await getRegion(tx, r.regionId))) throw new AppError('validation.reference', { details: { regionId: r.regionId } });
      }
      if (r.unitId) {
        if (!(await getUnit(tx, r.unitId))) throw new AppError('validation.reference', { details: { unitId: r.unitId } });
      }
    }
    const [user] = await tx
      .insert(users)
      .values({ username, displayName: opts.displayName, passwordHash, phone })
      .returning({ id: users.id });
    if (opts.roles.length > 0) {
      await tx
        .insert(userRoles)
        .values(opts.roles.map((r) => ({ userId: user.id, role: r.role, regionId: r.regionId ?? null, unitId: r.unitId ?? null })));
    }
    await audit(a, { resource: 'user', resourceId: user.id, action: 'create', data: { username, roles: opts.roles } });
    return user;
  }
}
