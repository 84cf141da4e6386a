import type { Catalogue } from '../../../shared/i18n';

/** The words of the admin's 地名与边界 tab. */
export const gazetteerWords = {
  tab: { 'zh-CN': '地名与边界', en: 'Places' },
  boundaries: { 'zh-CN': '区域边界（GeoJSON）', en: 'Boundaries (GeoJSON)' },
  boundariesHelp: {
    'zh-CN':
      '上传 GeoJSON 要素集合（FeatureCollection）：每个要素的 properties 写区域编码 code 或名称 name，几何为 Polygon 或 MultiPolygon。有任何一处不符合，整份文件不导入，并列出需要修改之处。',
    en: 'Upload a GeoJSON FeatureCollection: each feature names its region by code or name; geometry Polygon or MultiPolygon. Any problem and nothing is imported; the problems are listed.',
  },
  quality: { 'zh-CN': '边界性质', en: 'Kind' },
  schematic: { 'zh-CN': '示意边界', en: 'Schematic' },
  surveyed: { 'zh-CN': '测绘边界', en: 'Surveyed' },
  pickBoundaryFile: { 'zh-CN': '选择边界文件（GeoJSON）', en: 'Choose a boundary file (GeoJSON)' },
  pickPlaceFile: { 'zh-CN': '选择地名表（CSV 或 XLSX）', en: 'Choose a place sheet (CSV or XLSX)' },
  notJson: { 'zh-CN': '文件不是合法的 JSON，请检查后重试。', en: 'The file is not valid JSON.' },
  savedBoundaries: { 'zh-CN': '已导入 {n} 个区域的边界。', en: '{n} boundaries imported.' },
  problems: { 'zh-CN': '以下内容不符合要求，本次未导入：', en: 'These do not fit; nothing was imported:' },
  uncovered: {
    'zh-CN': '以下村社区还没有边界（只能按地名定位）：{names}',
    en: 'Communities without a boundary (placed by words only): {names}',
  },
  places: { 'zh-CN': '地名（道路、小区、地标）', en: 'Named places' },
  placesHelp: {
    'zh-CN': '上传 CSV 或 XLSX，表头为“名称、类型、社区”；类型填 道路、小区 或 地标，社区填名称或编码。',
    en: 'Upload CSV or XLSX with columns 名称, 类型, 社区.',
  },
  savedPlaces: { 'zh-CN': '已导入 {n} 个地名。', en: '{n} places imported.' },
  learn: { 'zh-CN': '从历史诉求学习候选地名', en: 'Learn candidates from past demands' },
  learned: { 'zh-CN': '新增 {n} 个候选地名，请逐一确认。', en: '{n} new candidates to confirm.' },
  candidates: { 'zh-CN': '候选地名（确认后才用于定位）', en: 'Candidates (used once confirmed)' },
  confirmed: { 'zh-CN': '已启用的地名', en: 'Places in use' },
  confirm: { 'zh-CN': '确认', en: 'Confirm' },
  reject: { 'zh-CN': '不采用', en: 'Reject' },
  name: { 'zh-CN': '名称', en: 'Name' },
  kind: { 'zh-CN': '类型', en: 'Kind' },
  community: { 'zh-CN': '所属社区', en: 'Community' },
  evidence: { 'zh-CN': '依据（件）', en: 'Evidence' },
  source: { 'zh-CN': '来源', en: 'Source' },
  'kind.road': { 'zh-CN': '道路', en: 'Road' },
  'kind.compound': { 'zh-CN': '小区', en: 'Compound' },
  'kind.landmark': { 'zh-CN': '地标', en: 'Landmark' },
  'source.import': { 'zh-CN': '导入', en: 'Imported' },
  'source.learned': { 'zh-CN': '学习', en: 'Learned' },
  none: { 'zh-CN': '暂无', en: 'None' },
} satisfies Catalogue;
