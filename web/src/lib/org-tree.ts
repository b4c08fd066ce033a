import type { Office, OrgTree, Station, Village, Workstation } from '@beatlink/shared';

export type TreeKind = 'station' | 'office' | 'workstation' | 'village';
export type OrgStation = OrgTree['stations'][number];
export type OrgOffice = OrgStation['offices'][number];
export type OrgWorkstation = OrgOffice['workstations'][number];
export type OrgRecord = Station | Office | Workstation | Village;
export type OrgOfficer = OrgTree['officers'][string];

/** One node of the organisation tree as the page shows it. */
export interface OrgNode {
  key: string;
  kind: TreeKind;
  id: string;
  name: string;
  status: 'active' | 'inactive';
  /** The officer assigned to the node (station chief / community / contact officer). */
  officer?: OrgOfficer;
  record: OrgRecord;
  parentKey?: string;
  children?: OrgNode[];
}

export const nodeKey = (kind: TreeKind, id: string) => `${kind}:${id}`;

/** One node: key, name and status from its record, plus the officer holding its post. */
function orgNode(
  tree: OrgTree,
  kind: TreeKind,
  record: OrgRecord,
  officerId: string | undefined,
  parentKey: string | undefined,
  children: (key: string) => OrgNode[] | undefined,
): OrgNode {
  const key = nodeKey(kind, record.id);
  const officer = officerId ? tree.officers[officerId] : undefined;
  const kids = children(key);
  return {
    key,
    kind,
    id: record.id,
    name: record.name,
    status: record.status,
    record,
    ...(officer ? { officer } : {}),
    ...(parentKey ? { parentKey } : {}),
    ...(kids ? { children: kids } : {}),
  };
}

/** stations → offices → workstations → villages, with the assigned officer of each level. */
export function buildOrgNodes(tree: OrgTree): OrgNode[] {
  return tree.stations.map((station) =>
    orgNode(tree, 'station', station, station.chiefOfficerId, undefined, (stationKey) =>
      station.offices.map((office) =>
        orgNode(tree, 'office', office, office.communityOfficerId, stationKey, (officeKey) =>
          office.workstations.map((workstation) =>
            orgNode(tree, 'workstation', workstation, workstation.contactOfficerId, officeKey, (workstationKey) =>
              workstation.villages.map((village) => orgNode(tree, 'village', village, undefined, workstationKey, () => undefined)),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Every node by key, for selection and details. */
export function indexNodes(nodes: readonly OrgNode[], index = new Map<string, OrgNode>()): Map<string, OrgNode> {
  for (const node of nodes) {
    index.set(node.key, node);
    if (node.children) indexNodes(node.children, index);
  }
  return index;
}

function matches(node: OrgNode, needle: string): boolean {
  if (node.name.toLowerCase().includes(needle)) return true;
  return !!node.officer && (node.officer.name.toLowerCase().includes(needle) || node.officer.policeNumber.toLowerCase().includes(needle));
}

/**
 * Keeps the nodes whose name (or assigned officer's name / police number) contains the query,
 * with their ancestors; a matching node keeps its whole subtree. Returns the keys to expand so
 * every match is visible.
 */
export function filterOrgNodes(nodes: readonly OrgNode[], query: string): { nodes: OrgNode[]; expandedKeys: string[] } {
  const needle = query.trim().toLowerCase();
  if (!needle) return { nodes: [...nodes], expandedKeys: [] };
  const expanded = new Set<string>();
  const visit = (list: readonly OrgNode[]): OrgNode[] => {
    const kept: OrgNode[] = [];
    for (const node of list) {
      if (matches(node, needle)) {
        kept.push(node);
        if (node.parentKey) expanded.add(node.parentKey);
        continue;
      }
      const children = node.children ? visit(node.children) : [];
      if (children.length) {
        kept.push({ ...node, children });
        expanded.add(node.key);
      }
    }
    return kept;
  };
  const kept = visit(nodes);
  return { nodes: kept, expandedKeys: [...expanded] };
}

export interface OrgCounts {
  stations: number;
  offices: number;
  workstations: number;
  villages: number;
  communities: number;
  officers: number;
  officesWithCommunityOfficer: number;
  workstationsWithContactOfficer: number;
}

/** Active units of the county and how many of them are staffed. */
export function countOrg(tree: OrgTree): OrgCounts {
  const counts: OrgCounts = {
    stations: 0,
    offices: 0,
    workstations: 0,
    villages: 0,
    communities: 0,
    officers: Object.keys(tree.officers).length,
    officesWithCommunityOfficer: 0,
    workstationsWithContactOfficer: 0,
  };
  for (const station of tree.stations) {
    if (station.status !== 'active') continue;
    counts.stations++;
    for (const office of station.offices) {
      if (office.status !== 'active') continue;
      counts.offices++;
      if (office.communityOfficerId) counts.officesWithCommunityOfficer++;
      for (const workstation of office.workstations) {
        if (workstation.status !== 'active') continue;
        counts.workstations++;
        if (workstation.contactOfficerId) counts.workstationsWithContactOfficer++;
        for (const village of workstation.villages) {
          if (village.status !== 'active') continue;
          if (village.kind === 'community') counts.communities++;
          else counts.villages++;
        }
      }
    }
  }
  return counts;
}

export interface UnitOption {
  value: string;
  label: string;
  stationId?: string;
  officeId?: string;
}

/** Active stations / offices / workstations as select options, each knowing its parents. */
export function unitOptions(tree: OrgTree): { stations: UnitOption[]; offices: UnitOption[]; workstations: UnitOption[] } {
  const stations: UnitOption[] = [];
  const offices: UnitOption[] = [];
  const workstations: UnitOption[] = [];
  for (const station of tree.stations) {
    if (station.status !== 'active') continue;
    stations.push({ value: station.id, label: station.name });
    for (const office of station.offices) {
      if (office.status !== 'active') continue;
      offices.push({ value: office.id, label: `${office.name}（${station.name}）`, stationId: station.id });
      for (const workstation of office.workstations) {
        if (workstation.status !== 'active') continue;
        workstations.push({
          value: workstation.id,
          label: `${workstation.name}（${office.name}）`,
          stationId: station.id,
          officeId: office.id,
        });
      }
    }
  }
  return { stations, offices, workstations };
}

/** Names of every unit in the tree (inactive ones included), for tables that show ids. */
export function unitNames(tree: OrgTree): Map<string, string> {
  const names = new Map<string, string>();
  for (const station of tree.stations) {
    names.set(station.id, station.name);
    for (const office of station.offices) {
      names.set(office.id, office.name);
      for (const workstation of office.workstations) {
        names.set(workstation.id, workstation.name);
        for (const village of workstation.villages) names.set(village.id, village.name);
      }
    }
  }
  return names;
}
