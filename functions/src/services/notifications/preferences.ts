import { DEFAULT_NOTIFICATION_CHOICES, NOTIFICATION_CATEGORIES, type CategoryChoices, type NotificationPreferences, type PreferencesUpdateInput } from '@beatlink/shared';
import { getPreferencesRecord, savePreferences } from '../../data/notification-preferences';
import { versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';

/**
 * A user's channel choices per category. In-app is always on and not a choice. Until he saves,
 * the defaults apply and the version is 0; a save names the version it read and gets version + 1.
 */
const defaults = (): CategoryChoices => structuredClone(DEFAULT_NOTIFICATION_CHOICES);

export async function getPreferences(ctxIn: TenantContext): Promise<NotificationPreferences> {
  const ctx = requireTenant(ctxIn);
  const stored = await getPreferencesRecord(ctx.tenantId, ctx.username);
  if (!stored) return { username: ctx.username, categories: defaults(), version: 0 };
  const { tenantId: _t, ...prefs } = stored;
  return prefs;
}

export async function updatePreferences(ctxIn: TenantContext, input: PreferencesUpdateInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<NotificationPreferences> {
  const ctx = requireTenant(ctxIn);
  const stored = await getPreferencesRecord(ctx.tenantId, ctx.username);
  if ((stored?.version ?? 0) !== input.version) throw versionConflict();
  const current = stored?.categories ?? defaults();
  // Categories left out keep their choice.
  const categories = Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, input.categories[c] ?? current[c] ?? DEFAULT_NOTIFICATION_CHOICES[c]])) as CategoryChoices;
  const next = { tenantId: ctx.tenantId, username: ctx.username, categories, version: input.version + 1, updatedAt: isoNow(deps.clock) };
  await savePreferences(next, input.version);
  const { tenantId: _t, ...prefs } = next;
  return prefs;
}
