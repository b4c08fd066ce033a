import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { DEFAULT_CONFIG, DEFAULT_REGION, readAppConfig, stageSettings } from '../lib/config';

const read = (context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) => readAppConfig(new App({ context }).node, env);

describe('readAppConfig', () => {
  it('defaults every value when no context is given', () => {
    expect(read({})).toEqual({ ...DEFAULT_CONFIG, region: DEFAULT_REGION, account: undefined });
  });

  it('takes the region and account the CDK CLI detected, and context over both', () => {
    const env = { CDK_DEFAULT_REGION: 'ap-southeast-1', CDK_DEFAULT_ACCOUNT: '111122223333' };
    expect(read({}, env)).toMatchObject({ region: 'ap-southeast-1', account: '111122223333' });
    expect(read({ region: 'ap-east-1', account: '444455556666' }, env)).toMatchObject({ region: 'ap-east-1', account: '444455556666' });
  });

  it('parses command-line strings', () => {
    expect(
      read({ portalOrigin: 'https://portal.example.cn', contributorInsights: 'true', apiThrottleRate: '20', apiThrottleBurst: '40', stackPrefix: 'Beatlink-Staging' }),
    ).toMatchObject({ portalOrigin: 'https://portal.example.cn', contributorInsights: true, apiThrottleRate: 20, apiThrottleBurst: 40, stackPrefix: 'Beatlink-Staging' });
  });

  it('names stacks per stage unless stackPrefix overrides it', () => {
    expect(DEFAULT_CONFIG).toMatchObject({ stage: 'dev', stackPrefix: 'Beatlink-Dev', provinces: ['370000'] });
    expect(read({ stage: 'prod' })).toMatchObject({ stage: 'prod', stackPrefix: 'Beatlink-Prod' });
    expect(read({ stage: 'staging', stackPrefix: 'Beatlink-Staging2' })).toMatchObject({ stage: 'staging', stackPrefix: 'Beatlink-Staging2' });
  });

  it('reads one or many provinces, from the command line or a cdk.json array, and an alarm e-mail', () => {
    expect(read({ provinces: '370000' }).provinces).toEqual(['370000']);
    expect(read({ provinces: '370000, 320000,370000' }).provinces).toEqual(['370000', '320000']);
    expect(read({ provinces: ['440000', '450000'] }).provinces).toEqual(['440000', '450000']);
    expect(read({ alarmEmail: 'ops@example.cn' }).alarmEmail).toBe('ops@example.cn');
  });

  it('reads the WAF rate limits (requests per 5 minutes) with defaults, and refuses what WAF does not take', () => {
    expect(read({})).toMatchObject({ publicApiRateLimitPer5Min: 1000, portalRateLimitPer5Min: 3000 });
    expect(read({ publicApiRateLimitPer5Min: '500', portalRateLimitPer5Min: 6000 })).toMatchObject({ publicApiRateLimitPer5Min: 500, portalRateLimitPer5Min: 6000 });
    expect(() => read({ publicApiRateLimitPer5Min: '9' })).toThrow(/publicApiRateLimitPer5Min must be an integer from 10/);
    expect(() => read({ portalRateLimitPer5Min: '1.5' })).toThrow(/portalRateLimitPer5Min/);
  });

  it('takes the public API custom domain only together with a us-east-1 ACM certificate', () => {
    const certificate = 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
    expect(read({})).toMatchObject({ publicApiDomain: undefined, publicApiCertificateArn: undefined });
    expect(read({ publicApiDomain: 'API.example.gov.cn', publicApiCertificateArn: certificate })).toMatchObject({ publicApiDomain: 'api.example.gov.cn', publicApiCertificateArn: certificate });
    expect(() => read({ publicApiDomain: 'api.example.gov.cn' })).toThrow(/go together/);
    expect(() => read({ publicApiCertificateArn: certificate })).toThrow(/go together/);
    expect(() => read({ publicApiDomain: 'https://api.example.gov.cn', publicApiCertificateArn: certificate })).toThrow(/host name/);
    expect(() => read({ publicApiDomain: 'api.example.gov.cn', publicApiCertificateArn: certificate.replace('us-east-1', 'ap-east-1') })).toThrow(/us-east-1/);
  });

  it('retains and protects stateful resources outside dev, and keeps logs 1, 3, 12 months', () => {
    expect(stageSettings('prod')).toMatchObject({ deletionProtection: true, statefulRemoval: 'retain', bucketRemoval: 'retain', logRetention: 365 });
    expect(stageSettings('staging')).toMatchObject({ deletionProtection: true, statefulRemoval: 'retain', logRetention: 90 });
    expect(stageSettings('dev')).toMatchObject({ deletionProtection: false, statefulRemoval: 'destroy', bucketRemoval: 'destroy', logRetention: 30 });
    expect(stageSettings('dev').alarms.actionsEnabled).toBe(false);
    expect(stageSettings('dev', 'me@example.cn').alarms.actionsEnabled).toBe(true);
  });

  it('reads the portal\'s domain and certificate together, its countries, and an origin override', () => {
    const certificate = 'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100';
    expect(read({})).toMatchObject({ portalCountries: ['CN', 'HK', 'MO'], portalOrigin: undefined, portalDomain: undefined });
    expect(read({ portalDomain: 'Portal.Example.gov.cn', portalCertificateArn: certificate })).toMatchObject({ portalDomain: 'portal.example.gov.cn', portalCertificateArn: certificate });
    expect(() => read({ portalDomain: 'portal.example.gov.cn' })).toThrow(/portalDomain and portalCertificateArn go together/);
    expect(() => read({ portalCertificateArn: certificate.replace('us-east-1', 'ap-east-1'), portalDomain: 'portal.example.gov.cn' })).toThrow(/us-east-1/);
    expect(read({ portalCountries: 'CN, SG,CN' }).portalCountries).toEqual(['CN', 'SG']);
    expect(read({ portalCountries: ['CN'] }).portalCountries).toEqual(['CN']);
    expect(read({ portalCountries: '' }).portalCountries).toEqual([]);
    expect(() => read({ portalCountries: 'China' })).toThrow(/ISO 3166-1 alpha-2/);
  });

  it.each([
    [{ stage: 'production' }, /one of dev, staging, prod/],
    [{ provinces: '370200' }, /ending in 0000/],
    [{ provinces: '37000' }, /ending in 0000/],
    [{ alarmEmail: 'ops' }, /e-mail address/],
    [{ stackPrefix: 'A'.repeat(33) }, /at most 32/],
    [{ portalOrigin: 'https://portal.example.cn/' }, /bare http\(s\) origin/],
    [{ portalOrigin: 'portal.example.cn' }, /must be an origin/],
    [{ contributorInsights: 'yes' }, /true or false/],
    [{ apiThrottleRate: '-1' }, /positive integer/],
    [{ region: 'beijing' }, /AWS Region/],
    [{ account: '12345' }, /12-digit/],
    [{ stackPrefix: '1bad' }, /stack name prefix/],
  ])('rejects %o', (context, message) => {
    expect(() => read(context)).toThrow(message);
  });
});
