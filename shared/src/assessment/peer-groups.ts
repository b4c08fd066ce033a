import type { PeerGroupRules, RuleSet } from './rules';

/**
 * Peer groups (分级、分类): community officers are ranked with officers of the same grade and
 * the same kind of ground (urban community / rural village), as the county's rules say; contact
 * officers together; agencies together.
 */
export const OFFICER_GRADES = ['first', 'second', 'third'] as const;
export type OfficerGrade = (typeof OFFICER_GRADES)[number];
export const OFFICER_GRADE_LABELS: Record<OfficerGrade, string> = { first: '一级', second: '二级', third: '三级' };

export const GROUND_CATEGORIES = ['urban', 'rural'] as const;
export type GroundCategory = (typeof GROUND_CATEGORIES)[number];
export const GROUND_CATEGORY_LABELS: Record<GroundCategory, string> = { urban: '城市社区', rural: '农村' };

export interface PeerGroup {
  key: string;
  label: string;
  set: RuleSet;
}

/** urban when most of the officer's villages are communities (社区), else rural. */
export function groundCategory(villageKinds: readonly string[]): GroundCategory {
  const urban = villageKinds.filter((k) => k === 'community').length;
  return villageKinds.length > 0 && urban * 2 > villageKinds.length ? 'urban' : 'rural';
}

export function peerGroupOf(set: RuleSet, rules: PeerGroupRules, grade?: OfficerGrade, category?: GroundCategory): PeerGroup {
  if (set === 'contact') return { key: 'contact', label: '包村民警', set };
  if (set === 'agency') return { key: 'agency', label: '综治成员单位', set };
  const parts = ['community'];
  const labels = ['社区民警'];
  if (rules.communityByGrade) {
    parts.push(grade ?? 'ungraded');
    labels.push(grade ? OFFICER_GRADE_LABELS[grade] : '未定级');
  }
  if (rules.communityByCategory) {
    parts.push(category ?? 'rural');
    labels.push(GROUND_CATEGORY_LABELS[category ?? 'rural']);
  }
  return { key: parts.join('.'), label: labels.join('·'), set };
}
