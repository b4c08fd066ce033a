import { OFFICER_GRADES, type AgencyKind, type OfficerGrade, type OfficerRole, type Role } from '@beatlink/shared';

/**
 * The demo data, planned deterministically (a seeded PRNG, so every start plans the same county)
 * and without I/O: `seed-demo.ts` sends the plan through the API. Records refer to each other by
 * plan keys (`office:12`); the seeder maps keys to the ids the API returns.
 *
 * 370283 is shaped like the seed county (80 offices, 270 workstations, 1–6 workstations per
 * office, every village covered by one office and one workstation); 370211 is smaller. The
 * `small` size keeps every kind of record and role but only a couple of each, for the tests.
 */
export type SeedSize = 'full' | 'small';

export const DEMO_PROVINCE = '370000';
export const DEMO_COUNTIES = ['370283', '370211'] as const;
export const DEMO_PASSWORD = 'Demo#2026beatlink';
export const PLATFORM_ADMIN_USERNAME = 'platform.admin';
export const PROVINCE_VIEWER_USERNAME = `province.${DEMO_PROVINCE}`;

interface CountyProfile {
  name: string;
  /** The county's own name, prefixing agencies and addresses. */
  short: string;
  /** Where the county is, for plausible village coordinates. */
  center: { lat: number; lng: number };
  stations: number;
  /** How many of the stations are urban (街道) ones. */
  urbanStations: number;
  offices: number;
  workstations: number;
  departments: number;
  bureauLeaders: number;
  programOffice: number;
  governanceOffice: number;
  /** Township governments among the agencies. */
  townships: number;
  /** Line agencies (民政局, 司法局, …) — the first `lineAgencies` of LINE_AGENCIES. */
  lineAgencies: number;
  staffPerAgency: number;
}

const COUNTY_NAMES: Record<string, { name: string; short: string; center: { lat: number; lng: number } }> = {
  '370283': { name: '平度市公安局', short: '平度市', center: { lat: 36.787, lng: 119.988 } },
  '370211': { name: '青岛市公安局黄岛分局', short: '黄岛区', center: { lat: 35.96, lng: 120.198 } },
};

export function countyProfile(tenantId: string, size: SeedSize): CountyProfile {
  const county = COUNTY_NAMES[tenantId];
  if (!county) throw new Error(`No demo profile for county ${tenantId} (known: ${Object.keys(COUNTY_NAMES).join(', ')})`);
  if (size === 'small') {
    return {
      ...county,
      stations: 2,
      urbanStations: 1,
      offices: 3,
      workstations: 5,
      departments: 2,
      bureauLeaders: 1,
      programOffice: 1,
      governanceOffice: 1,
      townships: 1,
      lineAgencies: 3,
      staffPerAgency: 1,
    };
  }
  const seedCounty = tenantId === '370283';
  return {
    ...county,
    stations: seedCounty ? 15 : 6,
    urbanStations: seedCounty ? 3 : 2,
    offices: seedCounty ? 80 : 20,
    workstations: seedCounty ? 270 : 60,
    departments: seedCounty ? 12 : 8,
    bureauLeaders: seedCounty ? 4 : 2,
    programOffice: seedCounty ? 4 : 2,
    governanceOffice: seedCounty ? 2 : 1,
    townships: seedCounty ? 6 : 3,
    lineAgencies: LINE_AGENCIES.length,
    staffPerAgency: 2,
  };
}

/** mulberry32: a small, good-enough seeded PRNG. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Picker {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }
  /** A name from `make` not produced before (within this picker). */
  unique(used: Set<string>, make: () => string): string {
    for (let attempt = 0; attempt < 200; attempt++) {
      const name = make();
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    throw new Error('Ran out of distinct names');
  }
}

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '于', '董', '袁', '姜', '崔', '薛', '葛', '綦'];
export const GIVEN = ['伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '斌', '宇', '浩', '凯', '健', '俊', '帆', '帅', '旭', '宁', '龙', '林', '洋', '静', '敏', '丽', '艳', '娟', '霞', '芳', '燕', '玲', '婷', '雪', '慧', '红', '建国', '建华', '志强', '海燕', '春生', '晓东', '立新'];
const PLACE_FIRST = ['东', '西', '南', '北', '前', '后', '上', '下', '大', '小', '新', '旧', '中', '高', '石', '柳', '杨', '槐', '桃', '杏', '河', '泉', '山', '岭', '龙', '凤', '马', '蓼', '云', '田', '店', '仁', '明', '同', '古', '崔'];
const PLACE_SECOND = ['庄', '屯', '村', '营', '洼', '疃', '埠', '沟', '岭', '寨', '河', '头', '口', '店', '园', '集', '台', '家'];
const TOWN_FIRST = ['李园', '东阁', '凤台', '白沙', '同和', '田庄', '新河', '店子', '大泽', '旧店', '云山', '蓼兰', '崔家', '明村', '南村', '仁兆', '古岘', '灵山', '泊里', '大场', '琅琊', '六汪', '宝山', '张家'];
const COMMUNITY_NAMES = ['和平', '幸福', '兴华', '东湖', '文昌', '新华', '青年', '锦绣', '翠苑', '阳光', '金港', '滨河', '丽景', '杜鹃', '海棠', '胜利', '建设', '光明', '人民', '长江', '珠江', '昆仑', '泰山', '黄河', '嘉园', '春晖', '朝阳', '香港', '紫荆', '桂花'];
const COMMUNITY_SUFFIXES = ['', '', '', '东', '西', '南', '北', '新', '花园', '家园', '新村', '里'];
const DEPARTMENTS = ['指挥中心', '治安管理大队', '刑事侦查大队', '交通警察大队', '经济犯罪侦查大队', '法制大队', '政治处', '警务保障室', '出入境管理大队', '网络安全保卫大队', '禁毒大队', '特巡警大队'];
const LINE_AGENCIES: Array<{ kind: AgencyKind; suffix: string }> = [
  { kind: 'civil_affairs', suffix: '民政局' },
  { kind: 'justice', suffix: '司法局' },
  { kind: 'transport', suffix: '交通运输局' },
  { kind: 'housing', suffix: '住房和城乡建设局' },
  { kind: 'health', suffix: '卫生健康局' },
  { kind: 'human_resources', suffix: '人力资源和社会保障局' },
  { kind: 'natural_resources', suffix: '自然资源局' },
  { kind: 'education', suffix: '教育和体育局' },
  { kind: 'market_regulation', suffix: '市场监督管理局' },
  { kind: 'emergency_management', suffix: '应急管理局' },
];
const STAFF_TITLES = ['科员', '副科长', '科长', '办公室主任', '信访干事'];

/** Short username stems per role: `community.370283` is the demo community officer. */
export const USERNAME_STEM: Record<OfficerRole | 'agency_staff', string> = {
  bureau_leader: 'leader',
  program_office: 'program',
  governance_office: 'governance',
  station_chief: 'chief',
  community_officer: 'community',
  contact_officer: 'contact',
  auxiliary: 'auxiliary',
  agency_staff: 'agency',
};

export interface PlannedRecord<T> {
  key: string;
  input: T;
}

export interface Placement {
  stationKey?: string;
  departmentKey?: string;
  officeKey?: string;
  workstationKey?: string;
}

export interface CountyPlan {
  tenantId: string;
  name: string;
  timeZone: string;
  admin: { username: string; name: string; phone: string };
  departments: Array<PlannedRecord<{ name: string; phone: string }>>;
  stations: Array<PlannedRecord<{ name: string; address: string; phone: string }>>;
  offices: Array<PlannedRecord<{ name: string; areaKind: 'urban' | 'rural'; address: string }> & { stationKey: string }>;
  workstations: Array<PlannedRecord<{ name: string; address: string }> & { officeKey: string }>;
  villages: Array<
    PlannedRecord<{
      name: string;
      kind: 'village' | 'community';
      divisionCode: string;
      households: number;
      population: number;
      location: { lat: number; lng: number };
    }> & { officeKey: string; workstationKey: string }
  >;
  officers: Array<
    PlannedRecord<{ name: string; policeNumber: string; phone: string; role: OfficerRole; username: string; grade?: OfficerGrade }> & { placement: Placement }
  >;
  agencies: Array<PlannedRecord<{ name: string; kind: AgencyKind; contactName: string; contactPhone: string }>>;
  agencyStaff: Array<PlannedRecord<{ name: string; phone: string; username: string; title: string }> & { agencyKey: string }>;
  /** The account that signs in as each role in this county. */
  demoUsernames: Partial<Record<Role, string>>;
}

/** `count` items into `bins` bins, each holding `min`…`max`, at random. */
export function distribute(picker: Picker, count: number, bins: number, min: number, max: number): number[] {
  if (count < bins * min || count > bins * max) throw new Error(`Cannot put ${count} into ${bins} bins of ${min}–${max}`);
  const sizes = new Array<number>(bins).fill(min);
  let remaining = count - bins * min;
  while (remaining > 0) {
    const open = sizes.map((size, index) => (size < max ? index : -1)).filter((index) => index >= 0);
    const index = picker.pick(open);
    sizes[index] = (sizes[index] ?? 0) + 1;
    remaining--;
  }
  return sizes;
}

export function planCounty(tenantId: string, size: SeedSize): CountyPlan {
  const profile = countyProfile(tenantId, size);
  const picker = new Picker(seededRandom(`${tenantId}:${size}`));
  const placeNames = new Set<string>();
  const personNames = new Set<string>();
  const person = () => picker.unique(personNames, () => picker.pick(SURNAMES) + picker.pick(GIVEN) + (picker.random() < 0.5 ? picker.pick(GIVEN) : ''));
  const phone = () => `1${picker.pick(['3', '5', '7', '8', '9'])}${picker.digits(9)}`;
  const landline = () => `0532-8${picker.digits(6)}`;
  const countyShort = profile.short;
  const policeNumber = (() => {
    let seq = 0;
    return () => `${tenantId.slice(2)}${String(++seq).padStart(4, '0')}`;
  })();
  const counters: Partial<Record<OfficerRole | 'agency_staff', number>> = {};
  const username = (stem: OfficerRole | 'agency_staff') => {
    const n = (counters[stem] = (counters[stem] ?? 0) + 1);
    return `${USERNAME_STEM[stem]}${n > 1 ? n : ''}.${tenantId}`;
  };

  const departments = DEPARTMENTS.slice(0, profile.departments).map((name, i) => ({
    key: `department:${i}`,
    input: { name, phone: landline() },
  }));

  const towns = Array.from({ length: profile.stations }, (_, i) => {
    const urban = i < profile.urbanStations;
    const base = picker.unique(placeNames, () => picker.pick(TOWN_FIRST));
    return { urban, town: `${base}${urban ? '街道' : '镇'}`, base, code: urban ? i + 1 : 100 + i };
  });
  const stations = towns.map((t, i) => ({
    key: `station:${i}`,
    input: { name: `${t.base}派出所`, address: `${countyShort}${t.town}${picker.pick(['中心', '人民', '府前', '振兴', '建设'])}路${picker.int(1, 300)}号`, phone: landline() },
  }));

  const officesPerStation = distribute(picker, profile.offices, profile.stations, 1, Math.max(1, profile.offices));
  const stationOfOffice = officesPerStation.flatMap((count, station) => new Array<number>(count).fill(station));
  const workstationsPerOffice = distribute(picker, profile.workstations, profile.offices, 1, 6);

  const villageName = (community: boolean) =>
    picker.unique(placeNames, () =>
      community
        ? `${picker.pick(COMMUNITY_NAMES)}${picker.pick(COMMUNITY_SUFFIXES)}社区`
        : picker.random() < 0.5 ? `${picker.pick(SURNAMES)}家${picker.pick(PLACE_SECOND)}` : `${picker.pick(PLACE_FIRST)}${picker.pick(PLACE_FIRST)}${picker.pick(PLACE_SECOND)}`,
    );

  const offices: CountyPlan['offices'] = [];
  const workstations: CountyPlan['workstations'] = [];
  const villages: CountyPlan['villages'] = [];
  const villageSeq = new Map<number, number>();
  stationOfOffice.forEach((stationIndex, officeIndex) => {
    const town = towns[stationIndex]!;
    const officeKey = `office:${officeIndex}`;
    const officeVillages: string[] = [];
    const wsCount = workstationsPerOffice[officeIndex] ?? 1;
    for (let w = 0; w < wsCount; w++) {
      const workstationKey = `workstation:${workstations.length}`;
      const perWorkstation = picker.int(1, 3);
      const names: string[] = [];
      for (let v = 0; v < perWorkstation; v++) {
        const community = town.urban ? picker.random() < 0.85 : picker.random() < 0.1;
        const name = villageName(community);
        names.push(name);
        const seq = (villageSeq.get(town.code) ?? 0) + 1;
        villageSeq.set(town.code, seq);
        const households = picker.int(community ? 600 : 120, community ? 3000 : 900);
        villages.push({
          key: `village:${villages.length}`,
          officeKey,
          workstationKey,
          input: {
            name,
            kind: community ? 'community' : 'village',
            // 统计用区划代码: county (6) + township (3) + 居委会 0xx/1xx or 村委会 2xx–3xx (3).
            divisionCode: `${tenantId}${String(town.code).padStart(3, '0')}${String((community ? 0 : 200) + seq).padStart(3, '0')}`,
            households,
            population: Math.round(households * (2.4 + picker.random() * 0.9)),
            location: {
              lat: Number((profile.center.lat + (picker.random() - 0.5) * 0.5).toFixed(5)),
              lng: Number((profile.center.lng + (picker.random() - 0.5) * 0.5).toFixed(5)),
            },
          },
        });
      }
      officeVillages.push(names[0]!);
      workstations.push({
        key: workstationKey,
        officeKey,
        input: { name: `${names[0]}警务工作站`, address: `${countyShort}${town.town}${names[0]}` },
      });
    }
    offices.push({
      key: officeKey,
      stationKey: `station:${stationIndex}`,
      input: { name: `${officeVillages[0]}警务室`, areaKind: town.urban ? 'urban' : 'rural', address: `${countyShort}${town.town}${officeVillages[0]}` },
    });
  });

  const officers: CountyPlan['officers'] = [];
  const addOfficer = (role: OfficerRole, placement: Placement, grade?: OfficerGrade) => {
    officers.push({
      key: `officer:${officers.length}`,
      placement,
      input: { name: person(), policeNumber: policeNumber(), phone: phone(), role, username: username(role), ...(grade ? { grade } : {}) },
    });
  };
  const departmentKey = (i: number) => departments[i % departments.length]!.key;
  for (let i = 0; i < profile.programOffice; i++) addOfficer('program_office', { departmentKey: departments[0]!.key });
  for (let i = 0; i < profile.bureauLeaders; i++) addOfficer('bureau_leader', {});
  for (let i = 0; i < profile.governanceOffice; i++) addOfficer('governance_office', {});
  stations.forEach((s) => addOfficer('station_chief', { stationKey: s.key }));
  // 分级: grades in turn (not drawn, so the plan's other random choices stay as they were).
  offices.forEach((o, i) => {
    addOfficer('community_officer', { stationKey: o.stationKey, officeKey: o.key }, OFFICER_GRADES[i % OFFICER_GRADES.length]);
    addOfficer('auxiliary', { stationKey: o.stationKey, officeKey: o.key });
    addOfficer('auxiliary', { stationKey: o.stationKey, officeKey: o.key });
  });
  workstations.forEach((w, i) => addOfficer('contact_officer', { departmentKey: departmentKey(i + 1), workstationKey: w.key }));

  const agencies: CountyPlan['agencies'] = [
    ...LINE_AGENCIES.slice(0, profile.lineAgencies).map((a) => ({ name: `${countyShort}${a.suffix}`, kind: a.kind })),
    ...towns
      .filter((t) => !t.urban)
      .slice(0, profile.townships)
      .map((t) => ({ name: `${countyShort}${t.town}人民政府`, kind: 'township' as const })),
  ].map((a, i) => ({ key: `agency:${i}`, input: { ...a, contactName: person(), contactPhone: phone() } }));
  const agencyStaff: CountyPlan['agencyStaff'] = [];
  for (const agency of agencies) {
    for (let i = 0; i < profile.staffPerAgency; i++) {
      agencyStaff.push({
        key: `agencyStaff:${agencyStaff.length}`,
        agencyKey: agency.key,
        input: { name: person(), phone: phone(), username: username('agency_staff'), title: picker.pick(STAFF_TITLES) },
      });
    }
  }

  const demoUsernames: Partial<Record<Role, string>> = {};
  for (const officer of officers) demoUsernames[officer.input.role] ??= officer.input.username;
  demoUsernames.agency_staff = agencyStaff[0]?.input.username;

  return {
    tenantId,
    name: profile.name,
    timeZone: 'Asia/Shanghai',
    admin: { username: `admin.${tenantId}`, name: person(), phone: phone() },
    departments,
    stations,
    offices,
    workstations,
    villages,
    officers,
    agencies,
    agencyStaff,
    demoUsernames,
  };
}
