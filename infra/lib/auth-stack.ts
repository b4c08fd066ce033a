import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { ROLES, ROLE_LABELS } from '@beatlink/shared';

/**
 * The custom attributes the ID token carries (`custom:<name>`). Only admins set them (through
 * the admin API with the pool's admin actions); the portal's client cannot write them.
 */
export const CUSTOM_ATTRIBUTES = {
  /** GB/T 2260 county code: exactly six digits. */
  tenantId: new cognito.StringAttribute({ minLen: 6, maxLen: 6, mutable: true }),
  /** GB/T 2260 province code: exactly six digits. */
  provinceId: new cognito.StringAttribute({ minLen: 6, maxLen: 6, mutable: true }),
  /** Record ids (`ofr_…`, `stn_…`, `agy_…`): a prefix and a ULID, 30 characters today. */
  officerId: new cognito.StringAttribute({ maxLen: 64, mutable: true }),
  unitId: new cognito.StringAttribute({ maxLen: 64, mutable: true }),
  agencyId: new cognito.StringAttribute({ maxLen: 64, mutable: true }),
} as const;

export const CUSTOM_ATTRIBUTE_NAMES = Object.keys(CUSTOM_ATTRIBUTES) as (keyof typeof CUSTOM_ATTRIBUTES)[];

/**
 * Identity: one user pool, roles as groups, one app client for the portal. Users are created by
 * admins only (no self sign-up); a forgotten password is reset by an admin, so there is no
 * self-service account recovery channel.
 */
export interface AuthStackProps extends StackProps {
  /** Retain (staging, prod) or destroy (dev) the user pool with the stack. */
  removalPolicy?: RemovalPolicy;
  /** Cognito deletion protection (staging, prod). */
  deletionProtection?: boolean;
}

export class AuthStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly portalClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthStackProps = {}) {
    super(scope, id, props);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: {
        fullname: { required: false, mutable: true },
        phoneNumber: { required: false, mutable: true },
      },
      customAttributes: CUSTOM_ATTRIBUTES,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      enableSmsRole: false,
      accountRecovery: cognito.AccountRecovery.NONE,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP, each user can turn it on) by design: field users such as auxiliaries and village contact officers ' +
        'sign in from basic phones on which an authenticator app cannot be assumed. The pool is on the Plus plan with threat ' +
        'protection ENFORCED (compromised-credential and risk-based sign-in checks) and a 12-character password policy.',
    });

    ROLES.forEach((role, precedence) => {
      this.userPool.addGroup(`Group-${role}`, {
        groupName: role,
        description: `${ROLE_LABELS[role].zh} / ${ROLE_LABELS[role].en}`,
        precedence,
      });
    });

    this.portalClient = this.userPool.addClient('PortalClient', {
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ fullname: true, phoneNumber: true, phoneNumberVerified: true, locale: true, timezone: true })
        .withCustomAttributes(...CUSTOM_ATTRIBUTE_NAMES),
      // Users may only change their UI preferences: never a custom attribute (their tenant, unit,
      // officer or agency), nor their name or phone, which the directory owns.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ locale: true, timezone: true }),
    });

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'PortalClientId', { value: this.portalClient.userPoolClientId });
  }
}
