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

function officerOf(tree: OrgTree, id: string | undefined): OrgOfficer | undefined {
  return id ? tree.officers[id] : undefined;
}

/** stations → offices → workstations → villages, with the assigned officer of each level. */
export function buildOrgNodes(tree: OrgTree): OrgNode[] {
  return tree.stations.map((station) => {
    const stationKey = nodeKey('station', station.id);
    return {
      key: stationKey,
      kind: 'station',
      id: station.id,
      name: station.name,
      status: station.status,
      officer: officerOf(tree, station.chiefOfficerId),
      record: station,
      children: station.offices.map((office) => {
        const officeKey = nodeKey('office', office.id);
        return {
          key: officeKey,
          kind: 'office',
          id: office.id,
          name: office.name,
          status: office.status,
          officer: officerOf(tree, office.communityOfficerId),
          record: office,
          parentKey: stationKey,
          children: office.workstations.map((workstation) => {
            const workstationKey = nodeKey('workstation', workstation.id);
            return {
              key: workstationKey,
              kind: 'workstation',
              id: workstation.id,
              name: workstation.name,
              status: workstation.status,
              officer: officerOf(tree, workstation.contactOfficerId),
              record: workstation,
              parentKey: officeKey,
              children: workstation.villages.map((village) => ({
                key: nodeKey('village', village.id),
                kind: 'village',
                id: village.id,
                name: village.name,
                status: village.status,
                record: village,
                parentKey: workstationKey,
              })),
            } satisfies OrgNode;
          }),
        } satisfies OrgNode;
      }),
    } satisfies OrgNode;
  });
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
