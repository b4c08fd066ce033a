import * as z from 'zod';
import { optionalText, text, versionSchema, withExample } from '../fields';
import { idSchema } from '../ids';

/**
 * API keys of integrators (集成方: 12345 hotlines, grid platforms, agencies' case systems). A key
 * belongs to one county; the county of every call comes from the key, never from the request.
 * The secret is shown once and stored only as its SHA-256 (the secret is 256 random bits).
 */
export const API_SCOPES = ['matters:write', 'matters:read', 'updates:write', 'stats:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const API_SCOPE_LABELS: Record<ApiScope, { zh: string; en: string }> = {
  'matters:write': { zh: '提交事项', en: 'Submit matters' },
  'matters:read': { zh: '查询事项状态', en: 'Read matter status' },
  'updates:write': { zh: '回传办理结果（成员单位）', en: 'Post feedback (agency)' },
  'stats:read': { zh: '读取统计', en: 'Read statistics' },
};

export const RATE_PERIODS = ['second', 'minute', 'hour'] as const;
export type RatePeriod = (typeof RATE_PERIODS)[number];
export const RATE_PERIOD_SECONDS: Record<RatePeriod, number> = { second: 1, minute: 60, hour: 3600 };
export const RATE_PERIOD_LABELS: Record<RatePeriod, { zh: string; en: string }> = {
  second: { zh: '每秒', en: 'per second' },
  minute: { zh: '每分钟', en: 'per minute' },
  hour: { zh: '每小时', en: 'per hour' },
};

export const rateLimitSchema = z.strictObject({
  limit: z.number().int().min(1).max(100_000),
  per: z.enum(RATE_PERIODS),
});
export type RateLimit = z.infer<typeof rateLimitSchema>;
export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 120, per: 'minute' };

export const apiKeyCreateSchema = withExample(
  z
    .strictObject({
      name: text(60),
      scopes: z.array(z.enum(API_SCOPES)).min(1).max(API_SCOPES.length),
      /** A key of an agency's case system: its updates act as that agency (required for `updates:write`). */
      agencyId: idSchema('agency').optional(),
      rateLimit: rateLimitSchema.default(DEFAULT_RATE_LIMIT),
      note: optionalText(200),
    })
    .superRefine((value, ctx) => {
      if (new Set(value.scopes).size !== value.scopes.length) {
        ctx.addIssue({ code: 'custom', path: ['scopes'], message: '权限范围重复 / duplicate scope' });
      }
      if (value.scopes.includes('updates:write') && !value.agencyId) {
        ctx.addIssue({ code: 'custom', path: ['agencyId'], message: '回传办理结果须绑定成员单位 / updates:write needs the agency the key acts for' });
      }
    }),
  { name: '12345 热线平台', scopes: ['matters:write', 'matters:read'], rateLimit: { limit: 120, per: 'minute' } },
);
export type ApiKeyCreateInput = z.input<typeof apiKeyCreateSchema>;

export const apiKeyRevokeSchema = withExample(z.strictObject({ version: versionSchema, reason: optionalText(200) }), { version: 1, reason: '对接系统下线' });
export type ApiKeyRevokeInput = z.infer<typeof apiKeyRevokeSchema>;

export const apiKeyListQuerySchema = z.strictObject({ status: z.enum(['active', 'revoked', 'all']).default('active') });
export const apiKeyParamsSchema = z.strictObject({ id: idSchema('apiKey') });

export type ApiKeyStatus = 'active' | 'revoked';

/** A key as listed: never its secret or hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  /** The first characters of the key, to recognise it: `blk_370283_01JD3Z6Q…`. */
  prefix: string;
  scopes: ApiScope[];
  agencyId?: string;
  agencyName?: string;
  rateLimit: RateLimit;
  note?: string;
  status: ApiKeyStatus;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  /** Updated at most once a minute (so a busy key does not write on every call). */
  lastUsedAt?: string;
  revokedAt?: string;
  revokedBy?: string;
  revokeReason?: string;
  version: number;
}

/** The answer to a creation: the only time the whole key is ever shown. */
export interface ApiKeyCreated extends ApiKeyView {
  key: string;
}

/**
 * `blk_<county>_<26-char ULID of the key id>_<43-char base64url secret>`. The county and id let the
 * key be found with one GetItem under the county's own partition.
 */
export const API_KEY_PATTERN = /^blk_(\d{6})_([0-9A-HJKMNP-TV-Z]{26})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  tenantId: string;
  keyId: string;
  secret: string;
}

export function parseApiKey(raw: string): ParsedApiKey | undefined {
  const match = API_KEY_PATTERN.exec(raw.trim());
  if (!match) return undefined;
  return { tenantId: match[1]!, keyId: `key_${match[2]!}`, secret: match[3]! };
}

export function formatApiKey(tenantId: string, keyId: string, secret: string): string {
  return `blk_${tenantId}_${keyId.replace(/^key_/, '')}_${secret}`;
}

/** What a list shows of a key: county and the first 8 characters of its id. */
export function apiKeyPrefix(tenantId: string, keyId: string): string {
  return `blk_${tenantId}_${keyId.replace(/^key_/, '').slice(0, 8)}…`;
}
