// The demo district: 荣昌区 as the seed page names it, with its 21 townships and subdistricts.
// Community names below the township level are illustrative.

export const districtName = '荣昌区';

export const townships: { name: string; kind: 'subdistrict' | 'town'; communities: string[] }[] = [
  { name: '昌元街道', kind: 'subdistrict', communities: ['宝城社区', '玉屏社区', '灵方社区', '南门社区'] },
  { name: '昌州街道', kind: 'subdistrict', communities: ['板桥社区', '迎宾社区', '海棠社区'] },
  { name: '广顺街道', kind: 'subdistrict', communities: ['工业园社区', '兴隆社区', '六合村'] },
  { name: '双河街道', kind: 'subdistrict', communities: ['双河社区', '邮亭社区', '谢家村'] },
  { name: '安富街道', kind: 'subdistrict', communities: ['通安社区', '垭口村', '陶宝社区'] },
  { name: '峰高街道', kind: 'subdistrict', communities: ['峰高社区', '马草村', '新华村'] },
  { name: '直升镇', kind: 'town', communities: ['直升社区', '黄金村'] },
  { name: '万灵镇', kind: 'town', communities: ['万灵社区', '古镇村'] },
  { name: '清江镇', kind: 'town', communities: ['清江社区', '河坝村'] },
  { name: '仁义镇', kind: 'town', communities: ['仁义社区', '瑶山村'] },
  { name: '河包镇', kind: 'town', communities: ['河包社区', '长岭村'] },
  { name: '古昌镇', kind: 'town', communities: ['古昌社区', '天堂村'] },
  { name: '吴家镇', kind: 'town', communities: ['吴家社区', '双流村'] },
  { name: '观胜镇', kind: 'town', communities: ['观胜社区', '银河村'] },
  { name: '铜鼓镇', kind: 'town', communities: ['铜鼓社区', '刘骥村'] },
  { name: '清流镇', kind: 'town', communities: ['清流社区', '马跑村'] },
  { name: '盘龙镇', kind: 'town', communities: ['盘龙社区', '长岭岗村'] },
  { name: '远觉镇', kind: 'town', communities: ['远觉社区', '临江村'] },
  { name: '清升镇', kind: 'town', communities: ['清升社区', '金罐村'] },
  { name: '荣隆镇', kind: 'town', communities: ['荣隆社区', '雷打石村'] },
  { name: '龙集镇', kind: 'town', communities: ['龙集社区', '沿河村'] },
];

/** District departments and utilities, with the first-level categories (or full names) they own. */
export const departments: { name: string; kind: 'department' | 'enterprise'; categories: string[] }[] = [
  { name: '区住房城乡建委', kind: 'department', categories: ['城乡建设'] },
  {
    name: '区城市管理局',
    kind: 'department',
    categories: ['城乡建设/城市建设和市政管理/城管执法', '城乡建设/城市建设和市政管理/环境卫生', '城乡建设/城市建设和市政管理/园林绿化'],
  },
  { name: '区生态环境局', kind: 'department', categories: ['环境保护'] },
  { name: '区交通运输委', kind: 'department', categories: ['交通运输'] },
  { name: '区教委', kind: 'department', categories: ['教育文体'] },
  { name: '区人力社保局', kind: 'department', categories: ['劳动和社会保障'] },
  { name: '区卫生健康委', kind: 'department', categories: ['卫生计生'] },
  { name: '区商务委', kind: 'department', categories: ['商贸旅游'] },
  { name: '区农业农村委', kind: 'department', categories: ['农村农业'] },
  { name: '区民政局', kind: 'department', categories: ['民政'] },
  { name: '区规划自然资源局', kind: 'department', categories: ['国土资源'] },
  { name: '区市场监管局', kind: 'department', categories: ['经济管理'] },
  { name: '国网荣昌供电公司', kind: 'enterprise', categories: ['城乡建设/城市建设和市政管理/电力供应'] },
  { name: '荣昌自来水公司', kind: 'enterprise', categories: ['城乡建设/城市建设和市政管理/自来水供应'] },
  { name: '荣昌燃气公司', kind: 'enterprise', categories: ['城乡建设/城市建设和市政管理/燃气供应'] },
];

/** 2026 public holidays and adjusted working days (调休), per the State Council's notice; admins keep it current. */
export const holidays2026: { day: string; kind: 'holiday' | 'workday'; note: string }[] = [
  ...['01-01', '01-02', '01-03'].map((d) => ({ day: `2026-${d}`, kind: 'holiday' as const, note: '元旦' })),
  { day: '2026-01-04', kind: 'workday', note: '元旦调休上班' },
  ...['02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23'].map((d) => ({
    day: `2026-${d}`,
    kind: 'holiday' as const,
    note: '春节',
  })),
  { day: '2026-02-14', kind: 'workday', note: '春节调休上班' },
  { day: '2026-02-28', kind: 'workday', note: '春节调休上班' },
  ...['04-04', '04-05', '04-06'].map((d) => ({ day: `2026-${d}`, kind: 'holiday' as const, note: '清明节' })),
  ...['05-01', '05-02', '05-03', '05-04', '05-05'].map((d) => ({ day: `2026-${d}`, kind: 'holiday' as const, note: '劳动节' })),
  { day: '2026-05-09', kind: 'workday', note: '劳动节调休上班' },
  ...['06-19', '06-20', '06-21'].map((d) => ({ day: `2026-${d}`, kind: 'holiday' as const, note: '端午节' })),
  ...['09-25', '09-26', '09-27'].map((d) => ({ day: `2026-${d}`, kind: 'holiday' as const, note: '中秋节' })),
  { day: '2026-09-20', kind: 'workday', note: '国庆节调休上班' },
  ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'].map((d) => ({
    day: `2026-${d}`,
    kind: 'holiday' as const,
    note: '国庆节',
  })),
  { day: '2026-10-10', kind: 'workday', note: '国庆节调休上班' },
];

/** Demands written for the demo (the reference data set, when present, adds real ones). */
export const sampleDemands: {
  title: string;
  content: string;
  type: 'consultation' | 'help' | 'complaint' | 'report' | 'suggestion';
  category: string;
  township: number;
  /** The answer the unit (or the desk, for a question) gives: each specific to its demand. */
  reply: string;
}[] = [
  {
    title: '小区路灯不亮',
    content: '宝城社区滨河路段的路灯已经坏了两个星期，晚上老人出门散步很不安全，希望尽快修好。',
    type: 'complaint',
    category: '城乡建设/城市建设和市政管理/城市公共设施',
    township: 0,
    reply: '经区住建委会同昌元街道现场核查，滨河路段 6 盏路灯因地下电缆老化短路熄灭，已于 3 日内更换电缆并恢复照明，后续纳入每月夜巡。',
  },
  {
    title: '塑胶跑道破损',
    content: '玉屏社区公园里的塑胶跑道多处开裂起皮，孩子跑步容易绊倒，请安排翻新。',
    type: 'suggestion',
    category: '城乡建设/城市建设和市政管理/公园管理',
    township: 0,
    reply: '玉屏社区公园跑道开裂约 120 平方米，已列入今年公园设施维护计划，施工期间设置围挡，预计月底前完成翻新。',
  },
  {
    title: '公园路灯太少',
    content: '海棠社区的口袋公园晚上一片漆黑，只有一盏灯，能否增加几盏路灯？',
    type: 'suggestion',
    category: '城乡建设/城市建设和市政管理/城市公共设施',
    township: 1,
    reply: '已对海棠社区口袋公园照明进行测算，将新增 4 盏太阳能庭院灯，安装完成后由社区负责日常巡查。',
  },
  {
    title: '绿化带红蚂蚁',
    content: '板桥社区楼下绿化带发现红火蚁窝，已经有小孩被咬伤，请尽快治理。',
    type: 'help',
    category: '城乡建设/城市建设和市政管理/园林绿化',
    township: 1,
    reply: '区城管局已委托专业机构对板桥社区绿化带红火蚁巢穴进行药剂灭杀，7 天后复查，并在周边张贴防范提示。',
  },
  {
    title: '楼道“蜘蛛网”线缆杂乱',
    content: '南门社区老旧小区楼道里的电线、网线像蜘蛛网一样乱拉，存在火灾隐患，希望能规整下地。',
    type: 'complaint',
    category: '城乡建设/安全生产/安全隐患',
    township: 0,
    reply: '已约请电信、移动、广电三家运营商到南门社区现场，对楼道飞线统一规整入槽，废弃线缆已拆除，消防隐患已消除。',
  },
  {
    title: '停水没有通知',
    content: '迎宾社区今天早上突然停水，没有任何通知，家里老人做不了饭，什么时候恢复？',
    type: 'complaint',
    category: '城乡建设/城市建设和市政管理/自来水供应',
    township: 1,
    reply:
      '经核实，迎宾社区停水系主管道爆管抢修所致，当日 15 时已恢复供水；自来水公司已就未提前通知致歉，今后停水将提前 24 小时在小区张贴公告。',
  },
  {
    title: '夜间施工噪音扰民',
    content: '工业园社区旁边工地每天晚上十一点以后还在施工，噪音很大，影响休息。',
    type: 'complaint',
    category: '环境保护/环境污染/噪音污染',
    township: 2,
    reply: '区生态环境局夜间突击检查，该工地未办理夜间施工许可，已责令 22 时后停止高噪声作业并立案处罚，请您继续监督。',
  },
  {
    title: '咨询医保特病申请',
    content: '想咨询一下职工医保特殊疾病（慢性病）认定需要准备哪些材料，在哪里办理？',
    type: 'consultation',
    category: '劳动和社会保障/城镇职工社会保险/职工医疗保险',
    township: 3,
    reply:
      '职工医保特殊疾病认定需携带身份证、医保卡、二级及以上医院的诊断证明和近期检查报告，可到区医保中心或定点医院医保办申请，认定结果约 15 个工作日告知。',
  },
  {
    title: '公交站台缺少座椅',
    content: '双河社区公交站没有座椅和遮雨棚，老人等车很辛苦，建议增设。',
    type: 'suggestion',
    category: '交通运输/建设管理/设施维护',
    township: 3,
    reply: '区交通运输委已将双河社区公交站纳入候车亭改造计划，将加装座椅和遮雨棚，预计下季度完工。',
  },
  {
    title: '农村道路坑洼',
    content: '垭口村通往镇上的村道有很多大坑，下雨积水，摩托车经过很危险。',
    type: 'complaint',
    category: '交通运输/建设管理/设施维护',
    township: 4,
    reply: '区交通运输委已安排养护队对垭口村村道坑槽进行冷补，共修补 23 处，雨季后将整段罩面。',
  },
  {
    title: '占道经营堵塞通行',
    content: '陶宝社区菜市场门口摊贩占道经营，早上人车拥堵，救护车都进不来。',
    type: 'complaint',
    category: '城乡建设/城市建设和市政管理/城管执法',
    township: 4,
    reply: '区城管局已在陶宝社区菜市场门口划定临时疏导点，早高峰安排执法队员值守，摊贩已引导入市经营，消防通道已畅通。',
  },
  {
    title: '养老金领取资格认证',
    content: '父亲八十多岁行动不便，养老金资格认证能否上门办理？',
    type: 'consultation',
    category: '劳动和社会保障/退休政策及待遇/退休金发放',
    township: 5,
    reply: '行动不便的老人可由家属下载“重庆人社”APP 刷脸认证，也可拨打社保所电话预约工作人员上门认证，无需本人到场。',
  },
  {
    title: '围墙改栏杆的建议',
    content: '峰高社区老院子围墙又高又旧，遮挡视线，建议改成通透的栏杆并在院坝添置桌椅。',
    type: 'suggestion',
    category: '城乡建设/城市建设和市政管理/居民服务设施',
    township: 5,
    reply: '感谢建议。峰高社区已将围墙改造纳入老旧小区改造方案，将征求院落居民意见后实施，院坝桌椅由社区先行添置。',
  },
  {
    title: '燃气管道有异味',
    content: '直升社区3栋楼道闻到明显燃气味，怀疑管道泄漏，请马上派人检查！',
    type: 'help',
    category: '城乡建设/城市建设和市政管理/燃气供应',
    township: 6,
    reply: '燃气公司抢险队接报后 20 分钟到场，查明 3 栋立管接口松动漏气，已紧固更换密封件，复检无泄漏，请住户注意开窗通风。',
  },
  {
    title: '频繁停电',
    content: '古镇村这个月已经停电四次，冰箱里的东西都坏了，希望供电公司解决。',
    type: 'complaint',
    category: '城乡建设/城市建设和市政管理/电力供应',
    township: 7,
    reply: '经查古镇村停电系 10 千伏线路树障放电引起，供电公司已清理线路通道树木并加装避雷器，近期将进行专项巡视。',
  },
  {
    title: '河道垃圾漂浮',
    content: '清江社区段河道里漂着大量塑料垃圾，气味难闻，请安排清理。',
    type: 'complaint',
    category: '环境保护/环境污染/水污染',
    township: 8,
    reply: '清江镇已组织河长和保洁队打捞清江社区段漂浮垃圾约 2 吨，并在上游增设拦污索，每周巡河两次。',
  },
  {
    title: '学校门口交通安全',
    content: '仁义镇中心小学放学时门口车辆乱停，学生过马路危险，建议设置护学岗和减速带。',
    type: 'suggestion',
    category: '教育文体/教育行政管理/校园安全',
    township: 9,
    reply: '区教委已会同交巡警在仁义镇中心小学门口设置护学岗，放学时段安排警力值守，减速带已报交通部门审批施划。',
  },
  {
    title: '物业不作为',
    content: '河包社区某小区物业长期不打扫卫生，电梯坏了一个月不修，业主多次反映无果。',
    type: 'complaint',
    category: '城乡建设/城市建设和市政管理/小区管理',
    township: 10,
    reply: '区住建委已约谈该小区物业公司，责令 10 日内修复电梯并恢复日常保洁，社区将每周检查整改情况，逾期未改将记入物业信用档案。',
  },
  {
    title: '农技培训咨询',
    content: '想了解镇上什么时候有粮油种植技术培训，怎么报名？',
    type: 'consultation',
    category: '农村农业/农资农技/农技推广应用',
    township: 11,
    reply:
      '区农业农村委每年春耕前在各镇举办粮油种植技术培训，古昌镇本期定于下月上旬在镇农业服务中心开班，可到镇农业服务中心或所在村委会报名，也可在“听见”课程培训中在线报名。',
  },
  {
    title: '欠薪求助',
    content: '在吴家镇一工地干了三个月，老板拖欠工资一万二，多次讨要无果，请帮忙。',
    type: 'help',
    category: '劳动和社会保障/劳动关系/农民工权益',
    township: 12,
    reply:
      '区人力社保局劳动监察大队已立案调查，约谈施工总包单位，督促其在 10 个工作日内足额支付您的工资 12000 元，如逾期未付将依法移送处理。',
  },
];

/** Several residents on one problem in one place over the last days: a rising 一类事 for the demo. */
export const risingCluster: string[] = [
  '宝城社区滨河路的路灯又不亮了，晚上散步的老人看不清路。',
  '滨河路宝城社区段路灯坏了好几盏，一到晚上黑漆漆的。',
  '宝城社区滨河路路灯不亮，前天晚上有老人摔倒了。',
  '反映宝城社区滨河路路灯不亮的问题，已经一个多星期了。',
  '宝城社区滨河路晚上没有路灯，孩子放学回家很危险。',
];

/** The unit's answers to the rising topic's residents, each to the one who wrote. */
export const risingClusterReplies: string[] = [
  '滨河路宝城社区段路灯已全部恢复，老人夜间散步请走亮灯一侧步道，电缆更换完成前我们每晚巡查一次。',
  '已查明滨河路 5 盏路灯灯头损坏，今日已更换，如再有不亮请拨打 12345 告知具体灯杆编号。',
  '对老人摔倒一事深表歉意。滨河路照明已临时接电恢复，社区已在摔倒处加装警示标识，并联系家属了解老人情况。',
  '该问题已于本周完成抢修。因电缆被施工挖断，修复时间较长，已责成施工单位承担修复费用。',
  '滨河路路灯已恢复照明，学生放学时段社区网格员将在路口值守一周，确认照明稳定后撤岗。',
];
