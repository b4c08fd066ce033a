import { describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ROLES } from '@beatlink/shared';
import { CUSTOM_ATTRIBUTE_NAMES } from '../lib/auth-stack';
import { buildTestApp } from './support';

const { stacks } = buildTestApp({ config: { stage: 'prod' } });
const template = Template.fromStack(stacks.auth);
const client = () => {
  const clients = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
  expect(clients).toHaveLength(1);
  return clients[0]!.Properties as { ReadAttributes: string[]; WriteAttributes: string[] };
};

describe('auth stack', () => {
  it('carries the five custom attributes of the ID token, mutable (for admins)', () => {
    expect(CUSTOM_ATTRIBUTE_NAMES).toEqual(['tenantId', 'provinceId', 'officerId', 'unitId', 'agencyId']);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith(
        CUSTOM_ATTRIBUTE_NAMES.map((name) => Match.objectLike({ Name: name, AttributeDataType: 'String', Mutable: true })),
      ),
    });
  });

  it('lets only admins create users, with a strong password policy and optional TOTP MFA', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('has exactly one group per role of shared ROLES', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (group) => (group.Properties as { GroupName: string }).GroupName,
    );
    expect(groups.toSorted()).toEqual([...ROLES].sort());
  });

  it('gives the portal a public client with password and SRP sign-in and refresh tokens', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayEquals(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('lets the client read every custom attribute but write none (users cannot change their tenant)', () => {
    const { ReadAttributes, WriteAttributes } = client();
    expect(ReadAttributes).toEqual(expect.arrayContaining(CUSTOM_ATTRIBUTE_NAMES.map((name) => `custom:${name}`)));
    // An absent or empty list would mean "every attribute is writable".
    expect(WriteAttributes.length).toBeGreaterThan(0);
    expect(WriteAttributes.filter((attribute) => attribute.startsWith('custom:'))).toEqual([]);
    expect(WriteAttributes).not.toContain('name');
  });
});
