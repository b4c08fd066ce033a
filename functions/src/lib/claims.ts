import { isRole, type Role } from '@beatlink/shared';

/** JWT claims as API Gateway HTTP API passes them: strings, numbers, booleans or string arrays. */
export type RawClaims = Record<string, string | number | boolean | string[] | undefined>;

export interface ParsedClaims {
  username?: string;
  name?: string;
  roles: Role[];
  tenantId?: string;
  provinceId?: string;
  officerId?: string;
  unitId?: string;
  agencyId?: string;
}

function text(value: RawClaims[string]): string | undefined {
  if (value === undefined || value === null || Array.isArray(value)) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

/**
 * `cognito:groups` arrives as a real array (a decoded token), a JSON array string, or the HTTP API
 * authorizer's string form `[a b]`; a single group may also be a bare string.
 */
export function parseGroups(value: RawClaims[string]): Role[] {
  let names: string[] = [];
  if (Array.isArray(value)) {
    names = value.map(String);
  } else if (typeof value === 'string') {
    const s = value.trim();
    if (s.startsWith('[') && s.endsWith(']')) {
      try {
        const parsed: unknown = JSON.parse(s);
        names = Array.isArray(parsed) ? parsed.map(String) : [];
      } catch {
        names = s.slice(1, -1).split(/[\s,]+/);
      }
    } else {
      names = s.split(/[\s,]+/);
    }
  }
  const roles = names.map((n) => n.trim().replace(/^"|"$/g, '')).filter(isRole);
  return [...new Set(roles)];
}

export function parseClaims(claims: RawClaims): ParsedClaims {
  return {
    username: text(claims['cognito:username']) ?? text(claims.username),
    name: text(claims.name),
    roles: parseGroups(claims['cognito:groups']),
    tenantId: text(claims['custom:tenantId']),
    provinceId: text(claims['custom:provinceId']),
    officerId: text(claims['custom:officerId']),
    unitId: text(claims['custom:unitId']),
    agencyId: text(claims['custom:agencyId']),
  };
}
