'use client';

import Link from 'next/link';
import { Col, Progress, Row, Spin, Statistic } from 'antd';
import { ROLE_LABELS } from '@beatlink/shared/roles';
import { joinLabels } from '../../lib/format';
import { countOrg } from '../../lib/org-tree';
import { Notice } from './Notice';
import { Panel } from './Panel';
import { useDirectory } from './directory';
import { useSession } from './session';

function Ratio({ title, part, whole, testId }: { title: string; part: number; whole: number; testId: string }) {
  const percent = whole ? Math.round((part / whole) * 100) : 0;
  return (
    <Panel>
      <div className="figure-title">{title}</div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginTop: 8 }}>
        <Progress type="circle" size={72} percent={percent} aria-label={title} />
        <span style={{ fontSize: 20 }} data-testid={testId}>
          {part} / {whole}
        </span>
      </div>
    </Panel>
  );
}

/** 首页: who is signed in and the county's organisation in figures (from GET /directory/tree). */
export function HomeOverview() {
  const { me, can } = useSession();
  const roles = joinLabels(me.roles.map((role) => ROLE_LABELS[role]?.zh ?? role));
  return (
    <>
      <div style={{ marginBottom: 16 }}>
        <Panel>
          <h1 className="welcome-name">您好，{me.name}</h1>
          <span className="muted">
            {me.tenantName ?? '平台'} · {roles}
          </span>
        </Panel>
      </div>
      {can('province.rollup.read') && <ProvinceEntry />}
      {can('directory.read') && <CountyFigures />}
    </>
  );
}

/** The provincial bureau's way in: its counties' rollup (it sees no county's directory). */
function ProvinceEntry() {
  return (
    <div style={{ marginBottom: 16 }}>
      <Panel title="全省汇总" testId="home-province">
        <p style={{ marginTop: 0 }}>各县局的行政村覆盖率、履职达标率、受理事项、按期办结率与矛盾就地化解情况，按周、按月汇总并排名；每日 05:00 生成上周及上月汇总。</p>
        <Link href="/province" data-testid="home-province-link">
          进入全省汇总 →
        </Link>
      </Panel>
    </div>
  );
}

function CountyFigures() {
  const directory = useDirectory();
  if (directory.error && !directory.tree) return (
      <Notice kind="error" title="无法加载组织机构">
        {directory.error}
      </Notice>
    );
  if (!directory.tree) {
    return (
      <div style={{ textAlign: 'center', padding: 48 }}>
        <Spin description="正在加载…" />
      </div>
    );
  }
  const counts = countOrg(directory.tree);
  const figures = [
    { key: 'stations', title: '派出所', value: counts.stations },
    { key: 'offices', title: '警务室', value: counts.offices },
    { key: 'workstations', title: '警务工作站', value: counts.workstations },
    { key: 'villages', title: '行政村', value: counts.villages },
    { key: 'communities', title: '社区', value: counts.communities },
    { key: 'officers', title: '驻点民警', value: counts.officers },
  ];
  return (
    <>
      <Row gutter={[16, 16]} data-testid="home-counts">
        {figures.map((figure) => (
          <Col key={figure.key} xs={12} md={8} xl={4}>
            <Panel>
              <Statistic title={figure.title} value={figure.value} data-testid={`count-${figure.key}`} />
            </Panel>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <Ratio title="警务室已配备社区民警" part={counts.officesWithCommunityOfficer} whole={counts.offices} testId="ratio-community" />
        </Col>
        <Col xs={24} md={12}>
          <Ratio title="警务工作站已配备包村民警" part={counts.workstationsWithContactOfficer} whole={counts.workstations} testId="ratio-contact" />
        </Col>
      </Row>
      <p className="muted" style={{ marginTop: 16 }}>
        统计在用单位；驻点民警为已分配到派出所、警务室或警务工作站的民警。查看和维护详细结构请进入 <Link href="/org">组织机构</Link>。
      </p>
    </>
  );
}
