import type { Catalogue } from '../../../shared/i18n';

/** The map's words (一屏, the demand list, a demand's page). */
export const mapWords = {
  title: {
    'zh-CN': '诉求地图（近 {days} 天，点击村社区查看清单）',
    en: 'Demands on the map (last {days} days; click a community for its list)',
  },
  schematic: { 'zh-CN': '示意边界', en: 'Schematic boundaries' },
  schematicHelp: {
    'zh-CN': '边界为示意图，仅表示大致范围，不作为权属依据。',
    en: 'The boundaries are schematic: a rough extent, not a legal line.',
  },
  points: { 'zh-CN': '点位', en: 'Points' },
  density: { 'zh-CN': '密度', en: 'Density' },
  allCategories: { 'zh-CN': '全部分类', en: 'All categories' },
  days7: { 'zh-CN': '近 7 天', en: '7 days' },
  days30: { 'zh-CN': '近 30 天', en: '30 days' },
  days90: { 'zh-CN': '近 90 天', en: '90 days' },
  tooltip: { 'zh-CN': '{name}：近 30 天 {n} 件', en: '{name}: {n} in the last 30 days' },
  noBoundaries: { 'zh-CN': '尚未导入边界，请管理员在“地名与边界”中导入。', en: 'No boundaries yet: an admin imports them under Places.' },
  demandPoint: { 'zh-CN': '诉求位置', en: 'Where' },
  layer: { 'zh-CN': '图层', en: 'Layer' },
  window: { 'zh-CN': '时间', en: 'Window' },
  category: { 'zh-CN': '分类', en: 'Category' },
  panel: {
    'zh-CN': '地图（村社区按近 30 天诉求着色，点击查看该社区清单）',
    en: 'Map (communities by the last 30 days; click for the list)',
  },
  suggested: { 'zh-CN': '地名“{match}”位于：', en: '“{match}” lies in:' },
  accept: { 'zh-CN': '采用 {name}', en: 'Use {name}' },
} satisfies Catalogue;
