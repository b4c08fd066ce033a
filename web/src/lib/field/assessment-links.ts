import type { Me } from '@beatlink/shared';
import type { FieldLink } from './nav';

/**
 * 我的考核 on the field home: for the assessed officers (community and contact officers), who
 * read their own scores and may appeal an item. Apart from nav.ts, which every /m page loads.
 */
export function assessmentLinks(me: Pick<Me, 'permissions'>): FieldLink[] {
  if (me.permissions?.['assessment.read'] !== 'own' || me.permissions?.['assessment.appeal'] === undefined) return [];
  return [{ href: '/m/scores', label: '我的考核', hint: '每月考核得分、名次与明细，对有误的项目申诉', testId: 'm-link-scores' }];
}
