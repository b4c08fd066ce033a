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

  it('retains and protects stateful resources outside dev, and keeps logs 1, 3, 12 months', () => {
    expect(stageSettings('prod')).toMatchObject({ deletionProtection: true, statefulRemoval: 'retain', bucketRemoval: 'retain', logRetention: 365 });
    expect(stageSettings('staging')).toMatchObject({ deletionProtection: true, statefulRemoval: 'retain', logRetention: 90 });
    expect(stageSettings('dev')).toMatchObject({ deletionProtection: false, statefulRemoval: 'destroy', bucketRemoval: 'destroy', logRetention: 30 });
    expect(stageSettings('dev').alarms.actionsEnabled).toBe(false);
    expect(stageSettings('dev', 'me@example.cn').alarms.actionsEnabled).toBe(true);
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
