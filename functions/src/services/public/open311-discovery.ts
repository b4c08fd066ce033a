import type { Open311Discovery } from '@beatlink/shared';

/** When the Open311 endpoint last changed (the spec's `changeset`): bump it with the API. */
export const OPEN311_CHANGESET = '2026-11-20T00:00:00Z';

/** Open311 service discovery: the one endpoint, its formats, and whom to ask for a key. */
export function open311Discovery(baseUrl: string): Open311Discovery {
  return {
    changeset: OPEN311_CHANGESET,
    contact: '县公安局“一村一警”活动办 / the county police bureau’s program office',
    key_service: '向县公安局“一村一警”活动办申请 API 密钥（门户：系统集成 → API 密钥） / ask the program office for an API key (portal: Integrations → API keys)',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${baseUrl}/open311/v2`,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}
