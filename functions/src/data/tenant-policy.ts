/**
 * What tenant-scoped credentials may reach, as IAM patterns over the session tag `TenantId`, and
 * a pure evaluator of those patterns. The CDK grants exactly these strings
 * (infra/lib/table-access.ts imports them), and the unit tests evaluate them against keys, so the
 * tested policy is the deployed one. This module imports nothing: the CDK app loads it too.
 */

/** The session tag that carries the county (the trust policy requires it, and only it). */
export const TENANT_TAG_KEY = 'TenantId';

/**
 * `dynamodb:LeadingKeys` of a tenant session: partition keys (of the table and of every index)
 * of that county. The `#` after the county stops `37028` from matching `370283`.
 */
export const TENANT_LEADING_KEYS_PATTERN = 'T#${aws:PrincipalTag/TenantId}#*';

/** The attachment objects of a tenant session (object keys `tenants/<county>/attachments/<id>`). */
export const TENANT_OBJECT_KEYS_PATTERN = 'tenants/${aws:PrincipalTag/TenantId}/*';

const VARIABLE = /\$\{([^}]*)\}/g;
const PRINCIPAL_TAG = /^aws:PrincipalTag\/(.+)$/i;
/** IAM's escapes for characters that would otherwise be wildcards or a variable. */
const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };

type Token = { literal: string } | { wildcard: '*' | '?' };

/**
 * The pattern with its variables resolved, as literals and wildcards; undefined when a variable
 * has no value (IAM: a condition whose variable cannot be resolved matches nothing). A substituted
 * value is matched literally, never as a wildcard.
 */
function tokenize(pattern: string, principalTags: Readonly<Record<string, string>>): Token[] | undefined {
  const tags = new Map(Object.entries(principalTags).map(([key, value]) => [key.toLowerCase(), value]));
  const tokens: Token[] = [];
  const pushPattern = (text: string) => {
    for (const ch of text) tokens.push(ch === '*' || ch === '?' ? { wildcard: ch } : { literal: ch });
  };
  let last = 0;
  for (const match of pattern.matchAll(VARIABLE)) {
    pushPattern(pattern.slice(last, match.index));
    last = match.index + match[0].length;
    const name = match[1]!;
    const escaped = ESCAPES[name];
    if (escaped !== undefined) {
      tokens.push({ literal: escaped });
      continue;
    }
    const tag = PRINCIPAL_TAG.exec(name);
    const value = tag ? tags.get(tag[1]!.toLowerCase()) : undefined;
    if (value === undefined) return undefined;
    for (const ch of value) tokens.push({ literal: ch });
  }
  pushPattern(pattern.slice(last));
  return tokens;
}

/** StringLike over code points: `*` any sequence (also empty), `?` exactly one character; case-sensitive. */
function matches(tokens: readonly Token[], value: string): boolean {
  const chars = [...value];
  // reachable[j]: the tokens read so far can produce exactly the first j characters.
  let reachable = chars.map((_, j) => j === 0).concat(chars.length === 0);
  for (const token of tokens) {
    const next = new Array<boolean>(chars.length + 1).fill(false);
    for (let j = 0; j <= chars.length; j++) {
      if ('wildcard' in token && token.wildcard === '*') {
        next[j] = reachable[j]! || (j > 0 && next[j - 1]!);
      } else if (j > 0 && reachable[j - 1]) {
        next[j] = 'wildcard' in token || token.literal === chars[j - 1];
      }
    }
    reachable = next;
  }
  return reachable[chars.length]!;
}

/**
 * Whether IAM's `StringLike` with `pattern` allows `partitionKey` for a session carrying
 * `principalTags` (`ForAllValues:StringLike` over `dynamodb:LeadingKeys` is this for every key
 * a request touches).
 */
export function leadingKeysAllow(pattern: string, principalTags: Readonly<Record<string, string>>, partitionKey: string): boolean {
  const tokens = tokenize(pattern, principalTags);
  return tokens !== undefined && matches(tokens, partitionKey);
}
