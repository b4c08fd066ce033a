import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { DEFAULT_CONFIG, DEFAULT_REGION, readAppConfig } from '../lib/config';

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

  it.each([
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
