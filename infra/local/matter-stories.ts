import type { DisputeType, MatterKind, MatterOutcome, MatterSource, MatterStatus, Severity } from '@beatlink/shared';
import { GIVEN, Picker, SURNAMES, seededRandom, type SeedSize } from './seed-plan';

/**
 * The demo county's matters, planned deterministically and without I/O: what residents brought
 * to their officers over the last weeks (Chinese text by category), and how far each matter has
 * come through the loop by now. `seed-matters.ts` plays each story through the services.
 */
export interface MatterStory {
  key: string;
  villageIndex: number;
  kind: MatterKind;
  source: MatterSource;
  categoryId: string;
  severity: Severity;
  description: string;
  reporter?: { name: string; phone: string };
  dispute?: { disputeType: DisputeType; parties: Array<{ name: string; role: 'applicant' | 'respondent'; phone?: string }>; stageFound: 'before' | 'during' | 'after' };
  /** Hours before the seed's "now" that the matter was taken in. */
  ageHours: number;
  /** Where the story stops. */
  until: MatterStatus;
  /** Police business or linkage (decides the holder through the routing table). */
  policeBusiness: boolean;
  outcome: MatterOutcome;
  /** Verified unsatisfied once and reassigned before the end. */
  reopenedOnce: boolean;
  /** The assignee never answered: the deadline passes (overdue now). */
  stalled: boolean;
  /** `merged`: the story whose matter it duplicates. */
  mergeInto?: string;
  /** Photos taken at intake. */
  photos: number;
}

interface Topic {
  categoryId: string;
  kinds: MatterKind[];
  police: boolean;
  texts: string[];
  dispute?: DisputeType;
}

const TOPICS: Topic[] = [
  { categoryId: 'public_order', kinds: ['tip', 'demand'], police: true, texts: ['夜间有陌生人在村西仓库附近徘徊，村民担心被盗', '村口小卖部门前有人酒后闹事，影响周边群众休息', '有外地车辆频繁在村内收购旧家电，形迹可疑', '村民反映有人以推销保健品为名诱骗老人钱财'] },
  { categoryId: 'traffic', kinds: ['demand', 'hazard'], police: true, texts: ['村道与省道交叉口无减速带，车辆车速过快', '学校门口早晚高峰车辆乱停，学生通行不安全', '农用车夜间无灯行驶，存在事故隐患'] },
  { categoryId: 'neighbour', kinds: ['dispute'], police: true, dispute: 'neighbour', texts: ['两户因排水沟堵塞、雨水倒灌院内多次争吵', '邻居在公共通道堆放柴草杂物引发矛盾', '因宅基地边界围墙高度问题两家发生口角'] },
  { categoryId: 'marriage_family', kinds: ['dispute'], police: false, dispute: 'family', texts: ['兄弟三人因赡养老母亲问题多次争吵', '离婚后子女抚养费未按约定支付', '夫妻因外出务工收入分配问题矛盾激化'] },
  { categoryId: 'land_forest', kinds: ['dispute'], police: false, dispute: 'land', texts: ['两村因山林界址不清发生争议', '承包地地头被邻户扩种侵占约半亩', '土地流转合同到期后租金支付发生纠纷'] },
  { categoryId: 'labour', kinds: ['dispute', 'demand'], police: false, dispute: 'labour', texts: ['镇上建筑工地拖欠十余名村民工资近三万元', '养殖场拖欠临时工工资两个月', '装修队工人受伤后赔偿问题未谈妥'] },
  { categoryId: 'civil_assistance', kinds: ['demand', 'service'], police: false, texts: ['独居老人申请低保三个月未有答复，生活困难', '残疾人家庭申请护理补贴需要协助办理', '留守儿童父母在外，监护人年迈，需要帮扶'] },
  { categoryId: 'hukou_documents', kinds: ['service'], police: true, texts: ['八旬老人行动不便，需上门办理身份证', '新生儿落户所需材料咨询，群众多次往返', '外出务工人员临时身份证明办理'] },
  { categoryId: 'sanitation', kinds: ['demand', 'hazard'], police: false, texts: ['村内垃圾池长期未清运，气味难闻', '河道漂浮垃圾较多，影响灌溉', '养殖户粪污直排沟渠，周边群众意见大'] },
  { categoryId: 'infrastructure', kinds: ['demand', 'hazard'], police: false, texts: ['村内主路路灯损坏多日未修，夜间出行不便', '自来水主管道破裂，多户停水', '村小桥桥面出现裂缝'] },
  { categoryId: 'road_safety', kinds: ['hazard'], police: false, texts: ['河边急弯处缺少警示标志和护栏', '山路塌方一处，占用半幅路面', '村口桥梁护栏缺失存在坠落隐患'] },
  { categoryId: 'other', kinds: ['demand', 'service'], police: false, texts: ['村民咨询如何识别冒充客服的电信诈骗', '群众建议在村委会设立法律咨询点'] },
];

const SEVERITIES: Severity[] = ['low', 'medium', 'medium', 'medium', 'high'];
const STAGES = ['before', 'before', 'during', 'after'] as const;

/** Where a matter of this age has got to, drawn with the weights a real county shows. */
function stopFor(picker: Picker, ageHours: number): MatterStatus {
  const r = picker.random();
  if (ageHours < 12) return r < 0.6 ? 'triage' : 'assigned';
  if (ageHours < 72) return r < 0.15 ? 'triage' : r < 0.5 ? 'assigned' : r < 0.8 ? 'accepted' : 'feedback_given';
  if (ageHours < 240) return r < 0.3 ? 'accepted' : r < 0.55 ? 'feedback_given' : r < 0.65 ? 'verified' : r < 0.72 ? 'reopened' : 'closed_resolved';
  return r < 0.65 ? 'closed_resolved' : r < 0.82 ? 'closed_unresolved' : r < 0.9 ? 'merged' : r < 0.95 ? 'verified' : 'accepted';
}

export function planMatterStories(tenantId: string, size: SeedSize, villageCount: number, weeks = 4): MatterStory[] {
  const picker = new Picker(seededRandom(`${tenantId}:${size}:matters`));
  const count = size === 'full' ? Math.min(400, Math.max(60, Math.round(villageCount * 0.8))) : 24;
  const person = () => picker.pick(SURNAMES) + picker.pick(GIVEN) + (picker.random() < 0.5 ? picker.pick(GIVEN) : '');
  const phone = () => `1${picker.pick(['3', '5', '7', '8', '9'])}${picker.digits(9)}`;
  const stories: MatterStory[] = [];
  for (let i = 0; i < count; i++) {
    // The first story is a dispute (the generated API tests read its dispute record).
    const topic = i === 0 ? TOPICS[2]! : picker.pick(TOPICS);
    const kind = picker.pick(topic.kinds);
    const ageHours = i === 0 ? 30 : Math.round(picker.random() * weeks * 7 * 24 * 10) / 10 + 0.5;
    const source: MatterSource = picker.random() < 0.75 ? 'resident' : picker.random() < 0.5 ? 'officer' : 'office';
    const reporter = source === 'resident' ? { name: person(), phone: phone() } : undefined;
    const until = i === 0 ? 'accepted' : stopFor(picker, ageHours);
    stories.push({
      key: `matter:${i}`,
      villageIndex: picker.int(0, villageCount - 1),
      kind,
      source,
      categoryId: topic.categoryId,
      severity: picker.pick(SEVERITIES),
      description: picker.pick(topic.texts),
      ...(reporter ? { reporter } : {}),
      ...(kind === 'dispute'
        ? {
            dispute: {
              disputeType: topic.dispute ?? 'other',
              stageFound: picker.pick(STAGES),
              parties: [
                { name: reporter?.name ?? person(), role: 'applicant' as const, ...(reporter ? { phone: reporter.phone } : {}) },
                { name: person(), role: 'respondent' as const },
              ],
            },
          }
        : {}),
      ageHours,
      until,
      policeBusiness: topic.police,
      outcome: until === 'closed_unresolved' ? picker.pick<MatterOutcome>(['partially_resolved', 'unresolved', 'not_responsible']) : 'resolved',
      reopenedOnce: until !== 'reopened' && ageHours > 120 && picker.random() < 0.12,
      stalled: (until === 'assigned' || until === 'accepted') && picker.random() < 0.35,
      // The first story has a photo (the generated API tests read a seeded attachment).
      photos: i === 0 ? 1 : kind === 'hazard' || picker.random() < 0.15 ? picker.int(1, 2) : 0,
    });
  }
  // A merged matter is the same thing reported again: same village, category and words.
  for (const story of stories) {
    if (story.until !== 'merged') continue;
    const originals = stories.filter((s) => s.until !== 'merged' && s.ageHours > story.ageHours && s.kind === story.kind);
    const original = originals.length ? picker.pick(originals) : undefined;
    if (!original) {
      story.until = 'closed_resolved';
      continue;
    }
    Object.assign(story, { villageIndex: original.villageIndex, categoryId: original.categoryId, description: `${original.description}（再次反映）`, mergeInto: original.key });
  }
  stories.push(...stalledInFirstOffice());
  return stories;
}

/**
 * Two matters left waiting in the first office's first village — where the demo community
 * officer and auxiliary work: one with the office, unaccepted past its deadline (its overdue
 * notice reaches the office's officers and auxiliaries), one with an agency for five days (up
 * the agency ladder to the governance office and the leaders). Appended after the drawn stories,
 * so those stay as they were.
 */
function stalledInFirstOffice(): MatterStory[] {
  const common = { villageIndex: 0, source: 'officer' as const, severity: 'medium' as const, until: 'assigned' as const, outcome: 'resolved' as const, reopenedOnce: false, stalled: true, photos: 0 };
  return [
    { ...common, key: 'matter:stalled-office', kind: 'tip', categoryId: 'public_order', policeBusiness: true, description: TOPICS[0]!.texts[0]!, ageHours: 30 },
    { ...common, key: 'matter:stalled-agency', kind: 'demand', categoryId: 'civil_assistance', policeBusiness: false, description: TOPICS[6]!.texts[0]!, ageHours: 124 },
  ];
}
