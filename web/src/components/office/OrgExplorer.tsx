'use client';

import { useCallback, useDeferredValue, useEffect, useMemo, useState, type Key } from 'react';
import { Button, Col, Descriptions, Empty, Input, Row, Space, Spin, Tooltip, Tree } from 'antd';
import type { DescriptionsProps, TreeDataNode } from 'antd';
import type { Office, RecordMeta, Station, Village, Workstation } from '@beatlink/shared';
import { UNIT_LABELS } from '@beatlink/shared/directory/labels';
import { ROLE_LABELS, isRole } from '@beatlink/shared/roles';
import { formatDateTime } from '../../lib/format';
import { buildOrgNodes, filterOrgNodes, indexNodes, nodeKey, type OrgNode, type OrgOffice, type TreeKind } from '../../lib/org-tree';
import { AREA_KIND_OPTIONS, VILLAGE_KIND_OPTIONS, labelOf } from '../../resources/options';
import { TREE_RESOURCES, officeResource, stationResource, villageResource, workstationResource } from '../../resources/units';
import type { FormValues, ResourceDef } from '../../resources/model';
import { Notice, StatusLabel } from './Notice';
import { Panel } from './Panel';
import { useDirectory } from './directory';
import { useResourceEditor } from './useResourceEditor';
import { useSession } from './session';

const TREE_HEIGHT = 640;

const OFFICER_TITLE: Record<Exclude<TreeKind, 'village'>, string> = {
  station: '所长',
  office: '社区民警',
  workstation: '包村民警',
};

function NodeTitle({ node }: { node: OrgNode }) {
  const officer = node.kind !== 'village' ? node.officer : undefined;
  return (
    <span className="org-node-title" data-testid={`org-node-${node.id}`}>
      <span className={node.status === 'inactive' ? 'org-node-inactive' : undefined}>{node.name}</span>
      {node.kind !== 'village' && (
        <span className="org-node-officer">
          {OFFICER_TITLE[node.kind]}：{officer ? officer.name : '未配备'}
        </span>
      )}
      {node.status === 'inactive' && <StatusLabel status="inactive" />}
    </span>
  );
}

function toTreeData(nodes: readonly OrgNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    title: <NodeTitle node={node} />,
    isLeaf: node.kind === 'village',
    children: node.children ? toTreeData(node.children) : undefined,
  }));
}

function detailItems(node: OrgNode, childCount: number, timeZone: string | undefined, maxWorkstations: number | undefined): DescriptionsProps['items'] {
  const record = node.record;
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'name', label: '名称', children: node.name },
    { key: 'kind', label: '类型', children: UNIT_LABELS[node.kind].zh },
    { key: 'status', label: '状态', children: <StatusLabel status={node.status} /> },
  ];
  if (node.kind !== 'village') {
    const officer = node.officer;
    items.push({
      key: 'officer',
      label: OFFICER_TITLE[node.kind],
      children: officer ? `${officer.name}（警号 ${officer.policeNumber}${isRole(officer.role) ? `，${ROLE_LABELS[officer.role].zh}` : ''}）` : '未配备',
    });
  }
  if (node.kind === 'station') items.push({ key: 'offices', label: '警务室', children: `${childCount} 个` });
  if (node.kind === 'office') {
    const office = record as Office;
    items.push({ key: 'areaKind', label: '类别', children: labelOf(AREA_KIND_OPTIONS, office.areaKind) ?? '—' });
    items.push({ key: 'workstations', label: '警务工作站', children: maxWorkstations === undefined ? `${office.activeWorkstationCount} 个` : `${office.activeWorkstationCount} / ${maxWorkstations} 个` });
  }
  if (node.kind === 'workstation') items.push({ key: 'villages', label: '村/社区', children: `${childCount} 个` });
  if (node.kind === 'village') {
    const village = record as Village;
    items.push(
      { key: 'villageKind', label: '村/社区', children: labelOf(VILLAGE_KIND_OPTIONS, village.kind) ?? '—' },
      { key: 'divisionCode', label: '区划代码', children: village.divisionCode ?? '—' },
      { key: 'households', label: '户数', children: village.households ?? '—' },
      { key: 'population', label: '人口', children: village.population ?? '—' },
    );
  } else {
    const place = record as Station | Office | Workstation;
    items.push({ key: 'address', label: '地址', children: place.address || '—' }, { key: 'phone', label: '电话', children: place.phone ?? '—' });
  }
  const location = (record as { location?: { lat: number; lng: number } }).location;
  if (location) items.push({ key: 'location', label: '位置', children: `${location.lat}, ${location.lng}` });
  items.push({ key: 'updatedAt', label: '更新时间', children: formatDateTime(record.updatedAt, timeZone) });
  return items;
}

/** 组织机构: the county's tree with assignments, details of the selected node and its actions. */
export function OrgExplorer() {
  const { can } = useSession();
  const directory = useDirectory();
  const [query, setQuery] = useState('');
  const [selectedKey, setSelectedKey] = useState<string>();
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  // Filtering 1 000 nodes on every keystroke stays smooth when it runs at lower priority.
  const deferredQuery = useDeferredValue(query);
  const searching = deferredQuery.trim() !== '';
  const writable = can('directory.unit.write');

  const nodes = useMemo(() => (directory.tree ? buildOrgNodes(directory.tree) : []), [directory.tree]);
  const index = useMemo(() => indexNodes(nodes), [nodes]);
  const filtered = useMemo(() => filterOrgNodes(nodes, deferredQuery), [nodes, deferredQuery]);
  const treeData = useMemo(() => toTreeData(filtered.nodes), [filtered]);
  const selected = selectedKey ? index.get(selectedKey) : undefined;

  const { reload } = directory;
  const editor = useResourceEditor(
    useCallback(
      (saved?: { def: ResourceDef<RecordMeta>; record: FormValues }) => {
        void reload();
        if (!saved) return;
        const kind = saved.def.key as TreeKind;
        const { id, stationId, officeId, workstationId } = saved.record;
        if (kind in TREE_RESOURCES && typeof id === 'string') {
          setSelectedKey(nodeKey(kind, id));
          // Make the new or moved node visible under its parents.
          const parents = [
            typeof stationId === 'string' ? nodeKey('station', stationId) : undefined,
            typeof officeId === 'string' ? nodeKey('office', officeId) : undefined,
            typeof workstationId === 'string' ? nodeKey('workstation', workstationId) : undefined,
          ].filter((key): key is string => !!key);
          setExpandedKeys((keys) => [...new Set([...keys, ...parents])]);
        }
      },
      [reload],
    ),
    writable,
  );

  // Open the path to every match while searching.
  useEffect(() => {
    if (deferredQuery.trim()) setExpandedKeys(filtered.expandedKeys);
  }, [deferredQuery, filtered]);

  const actions = (node: OrgNode) => {
    if (!writable) return null;
    const def = TREE_RESOURCES[node.kind];
    const buttons = [
      <Button key="edit" onClick={() => editor.edit(def, node.record)} data-testid="org-edit">
        编辑
      </Button>,
    ];
    if (node.status === 'active') {
      buttons.push(
        <Button key="deactivate" danger onClick={() => editor.deactivate(def, node.record)} data-testid="org-deactivate">
          停用
        </Button>,
      );
    }
    if (node.kind === 'station' && node.status === 'active') {
      buttons.push(
        <Button key="add" type="primary" onClick={() => editor.create(officeResource, { preset: { stationId: node.id } })} data-testid="org-add-office">
          新增警务室
        </Button>,
      );
    }
    if (node.kind === 'office' && node.status === 'active') {
      const max = directory.maxWorkstationsPerOffice;
      const full = max !== undefined && (node.record as OrgOffice).activeWorkstationCount >= max;
      const button = (
        <Button
          key="add"
          type="primary"
          disabled={full}
          onClick={() => editor.create(workstationResource, { preset: { officeId: node.id } })}
          data-testid="org-add-workstation"
        >
          新增警务工作站
        </Button>
      );
      buttons.push(
        full ? (
          <Tooltip key="add" title={`每个警务室最多管辖 ${max} 个警务工作站，已达上限`}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        ),
      );
    }
    if (node.kind === 'workstation' && node.status === 'active') {
      const workstation = node.record as Workstation;
      buttons.push(
        <Button
          key="add"
          type="primary"
          onClick={() => editor.create(villageResource, { preset: { officeId: workstation.officeId, workstationId: workstation.id } })}
          data-testid="org-add-village"
        >
          新增村/社区
        </Button>,
      );
    }
    return <Space wrap>{buttons}</Space>;
  };

  if (directory.error && !directory.tree) {
    return (
      <Notice kind="error" title="无法加载组织机构" action={<Button onClick={() => void directory.reload()}>重试</Button>}>
        {directory.error}
      </Notice>
    );
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12} xl={11}>
        <Panel
          title="组织机构"
          extra={
            <Space>
              <Button onClick={() => void directory.reload()} loading={directory.loading}>
                刷新
              </Button>
              {writable && (
                <Button type="primary" onClick={() => editor.create(stationResource)} data-testid="org-add-station">
                  新增派出所
                </Button>
              )}
            </Space>
          }
        >
          <Input.Search
            allowClear
            placeholder="搜索单位、村/社区、民警姓名或警号"
            value={query}
            onSearch={setQuery}
            onChange={(e) => setQuery(e.target.value)}
            style={{ marginBottom: 12 }}
            data-testid="org-search"
          />
          {directory.tree ? (
            treeData.length ? (
              // The virtual list keeps 1 000 nodes smooth, but it measures a short list wrongly
              // and clips its last rows; search results render plainly in a bounded scroll box.
              <div style={searching ? { maxHeight: TREE_HEIGHT, overflow: 'auto' } : undefined}>
                <Tree
                  blockNode
                  showLine
                  height={searching ? undefined : TREE_HEIGHT}
                  treeData={treeData}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpandedKeys(keys)}
                  selectedKeys={selectedKey ? [selectedKey] : []}
                  onSelect={(keys) => setSelectedKey(keys[0] === undefined ? undefined : String(keys[0]))}
                  data-testid="org-tree"
                />
              </div>
            ) : (
              <Empty description={query ? '没有匹配的单位' : '尚未建立派出所'} />
            )
          ) : (
            <div style={{ textAlign: 'center', padding: 48 }}>
              <Spin description="正在加载组织机构…" />
            </div>
          )}
        </Panel>
      </Col>
      <Col xs={24} lg={12} xl={13}>
        <Panel title={selected ? `${UNIT_LABELS[selected.kind].zh}详情` : '详情'} testId="org-node-details">
          {selected ? (
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <Descriptions column={1} bordered size="small" items={detailItems(selected, selected.children?.length ?? 0, directory.timeZone, directory.maxWorkstationsPerOffice)} />
              {actions(selected)}
            </Space>
          ) : (
            <span className="muted">在左侧选择一个单位查看详情。</span>
          )}
        </Panel>
      </Col>
      {editor.element}
    </Row>
  );
}
