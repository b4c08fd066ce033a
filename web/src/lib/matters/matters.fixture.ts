import type { Matter } from '@beatlink/shared/matters/views';

/** A matter as GET /matters lists it, for the unit tests. */
export function sampleMatter(overrides: Partial<Matter> = {}): Matter {
  return {
    id: 'mat_1',
    tenantId: '370283',
    kind: 'demand',
    source: 'resident',
    status: 'triage',
    title: '民政救助：独居老人申请救助',
    description: '村民反映独居老人生活困难',
    categoryId: 'civil_assistance',
    categoryName: '民政救助',
    severity: 'medium',
    linkage: false,
    villageId: 'vil_1',
    villageName: '东关村',
    officeId: 'ofc_1',
    workstationId: 'wks_1',
    stationId: 'stn_1',
    occurredAt: '2026-05-12T01:00:00.000Z',
    attachmentIds: [],
    mergedCount: 0,
    supervision: { escalationLevel: 0, urgeCount: 0 },
    returnCount: 0,
    reopenCount: 0,
    createdByName: '薛洋慧',
    version: 1,
    createdAt: '2026-05-12T01:30:00.000Z',
    updatedAt: '2026-05-12T01:30:00.000Z',
    createdBy: 'community.370283',
    updatedBy: 'community.370283',
    ...overrides,
  };
}
