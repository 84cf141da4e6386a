import type { Catalogue } from '../../../shared/i18n';

export const accountMessages = {
  title: { 'zh-CN': '我的账号', en: 'My account' },
  tokensTitle: { 'zh-CN': '接口令牌', en: 'API tokens' },
  tokensHelp: {
    'zh-CN': '令牌让其他系统以您的身份调用听见的接口，权限与您的账号相同。令牌只显示一次，请妥善保存；不再使用时请立即吊销。',
    en: 'A token lets another system call the API as you, with your permissions. It is shown once; revoke it when no longer used.',
  },
  tokenName: { 'zh-CN': '用途', en: 'Purpose' },
  tokenExpires: { 'zh-CN': '有效天数', en: 'Valid for (days)' },
  tokenExpiresHelp: { 'zh-CN': '留空为长期有效', en: 'Leave empty: no expiry' },
  create: { 'zh-CN': '生成令牌', en: 'Create token' },
  created: { 'zh-CN': '新令牌（只显示这一次，请立即复制保存）', en: 'New token (shown only this once: copy it now)' },
  createdAt: { 'zh-CN': '生成时间', en: 'Created' },
  expiresAt: { 'zh-CN': '到期', en: 'Expires' },
  never: { 'zh-CN': '长期有效', en: 'Never' },
  state: { 'zh-CN': '状态', en: 'State' },
  active: { 'zh-CN': '可用', en: 'Active' },
  revoked: { 'zh-CN': '已吊销', en: 'Revoked' },
  expired: { 'zh-CN': '已过期', en: 'Expired' },
  revoke: { 'zh-CN': '吊销', en: 'Revoke' },
  revokeConfirm: { 'zh-CN': '吊销后使用该令牌的系统将立即无法访问。确定吊销？', en: 'Systems using it stop at once. Revoke?' },
  revokedDone: { 'zh-CN': '已吊销', en: 'Revoked' },
  actions: { 'zh-CN': '操作', en: 'Actions' },
  none: { 'zh-CN': '还没有令牌', en: 'No tokens yet' },
} satisfies Catalogue;
