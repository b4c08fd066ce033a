import { describe, expect, it } from 'vitest';
import type { AppError } from '../app-error';
import { resolveTenantContext } from './auth';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as AppError).code;
  }
};

describe('resolveTenantContext', () => {
  it('refuses a request without claims or username (401)', () => {
    expect(codeOf(() => resolveTenantContext(undefined, { action: 'me.read' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => resolveTenantContext({ 'cognito:groups': '[program_office]' }, { action: 'me.read' }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a role without the action (403)', () => {
    const claims = { 'cognito:username': 'a', 'cognito:groups': '[auxiliary]', 'custom:tenantId': '370285' };
    expect(codeOf(() => resolveTenantContext(claims, { action: 'directory.unit.write' }))).toBe('FORBIDDEN');
  });

  it('requires a tenant for tenant-scoped actions, not for platform ones', () => {
    const noTenant = { 'cognito:username': 'a', 'cognito:groups': '[program_office]' };
    expect(codeOf(() => resolveTenantContext(noTenant, { action: 'directory.read' }))).toBe('FORBIDDEN');
    const operator = resolveTenantContext({ 'cognito:username': 'root', 'cognito:groups': 'platform_admin' }, { action: 'platform.tenant.create' });
    expect(operator).toMatchObject({ username: 'root', roles: ['platform_admin'], scope: 'platform' });
    expect(operator.tenantId).toBeUndefined();
  });

  it('takes the widest scope of the roles', () => {
    const ctx = resolveTenantContext(
      { 'cognito:username': 's', 'cognito:groups': '[agency_staff governance_office]', 'custom:tenantId': '370285', name: '钱' },
      { action: 'directory.agency.read' },
    );
    expect(ctx).toMatchObject({ scope: 'tenant', tenantId: '370285', name: '钱' });
  });
});
