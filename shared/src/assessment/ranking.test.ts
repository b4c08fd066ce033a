import { describe, expect, it } from 'vitest';
import { peerGroupOf, groundCategory } from './peer-groups';
import { rankGroup } from './ranking';

describe('rankGroup', () => {
  const members = [
    { subjectId: 'ofr_4', name: '王五', total: 80 },
    { subjectId: 'ofr_2', name: '张三', total: 85 },
    { subjectId: 'ofr_1', name: '赵六', total: 90 },
    { subjectId: 'ofr_3', name: '李四', total: 85 },
  ];

  it('ranks the higher total first; equal totals share a rank (1, 2, 2, 4)', () => {
    expect(rankGroup(members).map((m) => [m.name, m.rank])).toEqual([
      ['赵六', 1],
      ['李四', 2], // li before zhang
      ['张三', 2],
      ['王五', 4],
    ]);
  });

  it('does not depend on the order it reads the members in', () => {
    const forward = rankGroup(members).map((m) => m.subjectId);
    expect(rankGroup([...members].reverse()).map((m) => m.subjectId)).toEqual(forward);
  });

  it('orders namesakes with equal totals by id', () => {
    const ranked = rankGroup([
      { subjectId: 'ofr_B', name: '刘洋', total: 70 },
      { subjectId: 'ofr_A', name: '刘洋', total: 70 },
    ]);
    expect(ranked.map((m) => [m.subjectId, m.rank])).toEqual([
      ['ofr_A', 1],
      ['ofr_B', 1],
    ]);
  });
});

describe('peer groups', () => {
  it('groups community officers by grade and kind of ground, as the rules say', () => {
    const rules = { communityByGrade: true, communityByCategory: true };
    expect(peerGroupOf('community', rules, 'first', groundCategory(['community', 'community', 'village']))).toEqual({ key: 'community.first.urban', label: '社区民警·一级·城市社区', set: 'community' });
    expect(peerGroupOf('community', rules, undefined, groundCategory(['community', 'village']))).toMatchObject({ key: 'community.ungraded.rural' });
    expect(peerGroupOf('community', { communityByGrade: false, communityByCategory: false }, 'second', 'urban')).toMatchObject({ key: 'community' });
    expect(peerGroupOf('contact', rules, 'first', 'urban')).toMatchObject({ key: 'contact' });
  });
});
