import { isCountyCode, parseApiKey, type ParsedApiKey } from '@beatlink/shared';

/**
 * The presented key's parts, when its text is well formed and names a county. The county is
 * read from the text before the key is looked up, so the lookup itself (and the rest of the
 * request) runs with that county's credentials: a forged key reaches only the county it names.
 */
export function parseCountyApiKey(raw: string | undefined): ParsedApiKey | undefined {
  const parsed = raw === undefined ? undefined : parseApiKey(raw);
  return parsed && isCountyCode(parsed.tenantId) ? parsed : undefined;
}
