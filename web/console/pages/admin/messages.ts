import type { Catalogue } from '../../../shared/i18n';

/** The admin page's own words (the older tabs still read the shared catalogue). */
export const adminMessages = {
  tabKnowledge: { 'zh-CN': '知识库', en: 'Knowledge' },
  tabSettings: { 'zh-CN': '系统设置', en: 'Settings' },
  tabTimeLimits: { 'zh-CN': '办理时限', en: 'Time limits' },
  saved: { 'zh-CN': '已保存', en: 'Saved' },
  save: { 'zh-CN': '保存', en: 'Save' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  edit: { 'zh-CN': '编辑', en: 'Edit' },
  remove: { 'zh-CN': '删除', en: 'Remove' },
  add: { 'zh-CN': '添加', en: 'Add' },
  // Knowledge
  articleNew: { 'zh-CN': '新增答复口径', en: 'New answer' },
  articleEdit: { 'zh-CN': '编辑答复口径', en: 'Edit answer' },
  articleTitle: { 'zh-CN': '标题', en: 'Title' },
  articleBody: { 'zh-CN': '答复内容', en: 'Answer' },
  articleKeywords: { 'zh-CN': '关键词（空格分隔）', en: 'Keywords (space separated)' },
  articleStatus: { 'zh-CN': '状态', en: 'Status' },
  articleReviewedOn: { 'zh-CN': '审核日期', en: 'Reviewed on' },
  articleValidUntil: { 'zh-CN': '有效期至', en: 'Valid until' },
  articleRetire: { 'zh-CN': '停用', en: 'Retire' },
  articleRetired: { 'zh-CN': '已停用', en: 'Retired' },
  'status.draft': { 'zh-CN': '草稿', en: 'Draft' },
  'status.approved': { 'zh-CN': '已审核', en: 'Approved' },
  'status.retired': { 'zh-CN': '已停用', en: 'Retired' },
  // Settings
  'setting.reopen.max': { 'zh-CN': '最多重办次数', en: 'Most reopenings' },
  'settingHelp.reopen.max': {
    'zh-CN': '回访不满意后，一件诉求最多可以重新交办几次。',
    en: 'How many times a demand may be reopened after an unsatisfied callback.',
  },
  'setting.reopen.auto': { 'zh-CN': '不满意自动重办', en: 'Reopen automatically' },
  'settingHelp.reopen.auto': {
    'zh-CN': '回访发现群众不满意或问题未解决时，自动重新交办。',
    en: 'Reopen when a callback finds the resident unsatisfied or the problem unsolved.',
  },
  'setting.topics.risingSms': { 'zh-CN': '一类事上升时短信提醒', en: 'Text when a topic rises' },
  'settingHelp.topics.risingSms': {
    'zh-CN': '一类事开始上升时，除控制台消息外，再给所在区域的督办人员和承办单位的承办人员发短信。',
    en: 'Besides the console message, text the region’s supervisors and the unit’s handlers when a topic begins to rise.',
  },
  'setting.rates.minDemands': { 'zh-CN': '参与排名的最少诉求数', en: 'Fewest demands to be ranked' },
  'settingHelp.rates.minDemands': {
    'zh-CN': '统计期内诉求少于此数的单位不参加三率排名。',
    en: 'Units with fewer demands in the period are left out of rankings.',
  },
  'setting.sms.codesBeyondMainland': { 'zh-CN': '允许向境外手机号发送验证码', en: 'Codes to mobiles beyond the mainland' },
  'settingHelp.sms.codesBeyondMainland': {
    'zh-CN': '关闭时验证码只发往中国大陆手机号；开启后也发往港澳台及境外手机号（短信费用更高，卫星号码仍不发送）。',
    en: 'Off: codes go to mainland mobiles only. On: also to Hong Kong, Macao, Taiwan and foreign mobiles (satellite numbers never).',
  },
  'setting.public.rateLimitPerMinute': { 'zh-CN': '群众端每分钟提交上限', en: 'Public requests per minute' },
  'settingHelp.public.rateLimitPerMinute': {
    'zh-CN': '同一来源地址每分钟最多提交几次（填 0 表示不限制）。',
    en: 'Requests per client address per minute (0: no limit).',
  },
  'setting.public.readRateLimitPerMinute': { 'zh-CN': '群众端每分钟浏览上限', en: 'Public page loads per minute' },
  'settingHelp.public.readRateLimitPerMinute': {
    'zh-CN': '同一来源地址每分钟最多浏览几次公开页面（办理公开、课程、公告等合计；社区共用网络时请放宽，填 0 表示不限制）。',
    en: 'Public page loads per client address per minute, all public pages together (raise it where many share one network; 0: no limit).',
  },
  'setting.text.autoDispatchConfidence': { 'zh-CN': '自动派单把握度', en: 'Auto-dispatch confidence' },
  'settingHelp.text.autoDispatchConfidence': {
    'zh-CN': '推荐承办单位的把握度达到此值（0–1）时自动派单；填 0 表示从不自动派单。',
    en: 'Dispatch automatically when the best suggestion scores at least this (0–1; 0: never).',
  },
  'setting.proposals.secondsThreshold': { 'zh-CN': '提议附议门槛', en: 'Seconds to reach the council' },
  'settingHelp.proposals.secondsThreshold': {
    'zh-CN': '群众提议获得这么多人附议后，提醒议事会召集人安排上会。',
    en: 'Seconds at which a proposal is brought to the council chair.',
  },
  'setting.moderation.sensitiveWords': { 'zh-CN': '敏感词', en: 'Sensitive words' },
  'settingHelp.moderation.sensitiveWords': {
    'zh-CN': '群众留言或提议含这些词时，先交内容审核，不立即公开。输入后按回车添加。',
    en: 'Comments or proposals with these words wait for a moderator. Press Enter after each.',
  },
  'setting.escalation.rules': { 'zh-CN': '自动升级督办', en: 'Automatic escalation' },
  'settingHelp.escalation.rules': {
    'zh-CN': '当前环节超期达到天数时，自动升级到相应层级督办。',
    en: 'A demand overdue by this many days is supervised at this level.',
  },
  overdueDays: { 'zh-CN': '超期天数', en: 'Days overdue' },
  escalateTo: { 'zh-CN': '升级到', en: 'Escalate to' },
  'level.township': { 'zh-CN': '街道（乡镇）督办', en: 'Township' },
  'level.district': { 'zh-CN': '区级督办', en: 'District' },
  addRule: { 'zh-CN': '添加一条', en: 'Add a rule' },
  runEscalation: { 'zh-CN': '立即执行升级督办', en: 'Run escalation now' },
  escalated: { 'zh-CN': '已升级督办 {n} 件', en: '{n} demands escalated' },
  // Time limits
  timeLimitsHelp: {
    'zh-CN': '这里的规则覆盖系统内置时限；没有匹配规则时按内置时限（如紧急诉求 2 小时内答复）。越具体的规则优先。',
    en: 'These rules override the built-in norms; the most specific rule wins.',
  },
  stage: { 'zh-CN': '环节', en: 'Stage' },
  'stage.dispatch': { 'zh-CN': '派单', en: 'Dispatch' },
  'stage.acknowledge': { 'zh-CN': '签收', en: 'Acknowledge' },
  'stage.reply': { 'zh-CN': '答复', en: 'Reply' },
  'stage.callback': { 'zh-CN': '回访', en: 'Callback' },
  urgency: { 'zh-CN': '适用诉求', en: 'Applies to' },
  'urgency.any': { 'zh-CN': '全部', en: 'All' },
  'urgency.emergency': { 'zh-CN': '紧急', en: 'Emergency' },
  'urgency.normal': { 'zh-CN': '一般', en: 'Normal' },
  'urgency.complex': { 'zh-CN': '疑难复杂', en: 'Complex' },
  category: { 'zh-CN': '类别', en: 'Category' },
  anyCategory: { 'zh-CN': '全部类别', en: 'Any category' },
  amount: { 'zh-CN': '时限', en: 'Limit' },
  timeUnit: { 'zh-CN': '时间单位', en: 'Unit of time' },
  'unit.minutes': { 'zh-CN': '分钟', en: 'minutes' },
  'unit.hours': { 'zh-CN': '小时', en: 'hours' },
  'unit.workdays': { 'zh-CN': '个工作日', en: 'working days' },
  noRules: { 'zh-CN': '暂无自定义时限，全部按内置时限执行。', en: 'No rules: the built-in norms apply.' },
  // Calendar
  importTitle: { 'zh-CN': '导入全年节假日', en: 'Import a year’s calendar' },
  importHelp: {
    'zh-CN':
      '每行一天：日期,类型,说明。类型写“休”（放假）或“班”（调休上班），例如 2027-10-01,休,国庆节。可粘贴，也可选择 CSV 文件。任何一行有错则整批不保存。',
    en: 'One day a line: date,kind,note — kind 休 (holiday) or 班 (working day), e.g. 2027-10-01,休,National Day. Paste or pick a CSV file; one bad line saves nothing.',
  },
  importText: { 'zh-CN': '日历内容', en: 'Calendar lines' },
  importFile: { 'zh-CN': '选择 CSV 文件', en: 'Pick a CSV file' },
  importDo: { 'zh-CN': '导入', en: 'Import' },
  imported: { 'zh-CN': '已导入 {n} 天', en: '{n} days imported' },
  removeDay: { 'zh-CN': '删除', en: 'Remove' },
  removeDayConfirm: {
    'zh-CN': '删除 {day} 后，这天按普通周一至周五计算。确定？',
    en: 'After removing {day}, it follows the ordinary week. Sure?',
  },
  dayRemoved: { 'zh-CN': '已删除 {day}', en: '{day} removed' },
  actions: { 'zh-CN': '操作', en: 'Actions' },
} satisfies Catalogue;

export type AdminKey = keyof typeof adminMessages;
