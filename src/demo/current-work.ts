import type { Actor, AppContext } from '../kernel/index.js';
import { perform } from '../kernel/index.js';
import { acknowledgeDemand, dispatchDemand, registerDemand } from '../modules/demands/index.js';

/** Where one piece of today's work stands when the demo opens. */
type Stage = 'registered' | 'dispatched' | 'acknowledged';

export type CurrentWork = {
  content: string;
  unit: 'changyuan' | 'zjw' | 'cgj' | null;
  category: string;
  stage: Stage;
  /** Hours before the demo opens that the resident called. */
  hoursAgo: number;
};

/**
 * Work waiting on the day the demo opens, so that every named account lands on something to do:
 * the dispatcher on new demands, each named unit's handler on its inbox (one of them late to sign
 * for, so the supervisor's 超期 list and 签收已超期 show too).
 */
export const currentWork: CurrentWork[] = [
  {
    content: '宝城社区滨河路 12 号门前下水道井盖松动，车辆压过哐当作响，晚上吵得睡不着。',
    unit: 'changyuan',
    category: '城乡建设/城市建设和市政管理/城市公共设施',
    stage: 'dispatched',
    hoursAgo: 3,
  },
  {
    content: '玉屏社区健身广场的单杠底座锈断了，孩子在上面玩很危险，请尽快拆除或修好。',
    unit: 'changyuan',
    category: '城乡建设/城市建设和市政管理/居民服务设施',
    stage: 'acknowledged',
    hoursAgo: 26,
  },
  {
    content: '南门社区老旧小区加装电梯的申请交上去两个月了，想问问审批进展到哪一步。',
    unit: 'zjw',
    category: '城乡建设/城市建设和市政管理/小区管理',
    stage: 'dispatched',
    hoursAgo: 5,
  },
  {
    content: '灵方社区一栋居民楼外墙瓷砖脱落，砸坏了楼下停的电动车，担心砸到人。',
    unit: 'zjw',
    category: '城乡建设/安全生产/安全隐患',
    stage: 'acknowledged',
    hoursAgo: 30,
  },
  {
    content: '板桥社区农贸市场后门垃圾桶满了三天没人清运，臭味很大，苍蝇很多。',
    unit: 'cgj',
    category: '城乡建设/城市建设和市政管理/环境卫生',
    stage: 'dispatched',
    hoursAgo: 2,
  },
  {
    content: '海棠社区路口烧烤摊每晚把桌子摆到人行道上，行人只能走机动车道。',
    unit: 'cgj',
    category: '城乡建设/城市建设和市政管理/城管执法',
    stage: 'dispatched',
    hoursAgo: 96,
  },
  {
    content: '迎宾社区小区门口的行道树被台风刮断，横在人行道上，还没有人来处理。',
    unit: null,
    category: '城乡建设/城市建设和市政管理/园林绿化',
    stage: 'registered',
    hoursAgo: 1,
  },
  {
    content: '宝城社区菜市场旁的公共厕所水龙头坏了一直漏水，浪费水资源。',
    unit: null,
    category: '城乡建设/城市建设和市政管理/城市公共设施',
    stage: 'registered',
    hoursAgo: 2,
  },
];

/** Registers today's work through the real actions, each at its own moment before the demo opens. */
export async function loadCurrentWork(
  ctx: AppContext,
  people: { operator: Actor; dispatcher: Actor; handlers: Record<'changyuan' | 'zjw' | 'cgj', Actor> },
  ids: { units: Record<'changyuan' | 'zjw' | 'cgj', number>; regionOf: (content: string) => number; categoryId: (name: string) => number },
): Promise<number> {
  const opened = ctx.now().getTime();
  for (const [i, w] of currentWork.entries()) {
    let at = opened - w.hoursAgo * 3_600_000;
    const step = (minutes: number) => {
      at += minutes * 60_000;
      return { ...ctx, now: () => new Date(at) };
    };
    const { demand } = await perform(step(0), people.operator, registerDemand, {
      channel: 'hotline',
      type: 'complaint',
      content: w.content,
      reporterName: ['周女士', '吴先生', '郑阿姨', '孙师傅'][i % 4],
      reporterPhone: `1390000${String(1000 + i * 37).padStart(4, '0')}`,
      regionId: ids.regionOf(w.content),
      address: w.content.slice(0, w.content.indexOf('社区') + 2),
      categoryId: ids.categoryId(w.category),
    });
    if (w.stage === 'registered' || !w.unit) continue;
    await perform(step(20), people.dispatcher, dispatchDemand, { demandId: demand.id, unitId: ids.units[w.unit] });
    if (w.stage === 'acknowledged') await perform(step(90), people.handlers[w.unit], acknowledgeDemand, { demandId: demand.id });
  }
  return currentWork.length;
}
