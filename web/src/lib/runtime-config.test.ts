import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from './runtime-config';

const base = { apiUrl: 'http://127.0.0.1:4000/', region: 'ap-east-1', userPoolId: 'local_abc', userPoolClientId: 'client' };

describe('parseRuntimeConfig', () => {
  it('accepts the local shape and trims trailing slashes', () => {
    expect(parseRuntimeConfig({ ...base, userPoolEndpoint: 'http://127.0.0.1:9229/', stage: 'local' })).toEqual({
      ...base,
      apiUrl: 'http://127.0.0.1:4000',
      userPoolEndpoint: 'http://127.0.0.1:9229',
      stage: 'local',
    });
  });

  it('defaults to aws without an endpoint', () => {
    expect(parseRuntimeConfig(base)).toEqual({ ...base, apiUrl: 'http://127.0.0.1:4000', stage: 'aws' });
  });

  it('keeps the public API address of an AWS deployment, trimmed', () => {
    expect(parseRuntimeConfig({ ...base, publicApiUrl: 'https://api.example.gov.cn/' }).publicApiUrl).toBe('https://api.example.gov.cn');
    expect(() => parseRuntimeConfig({ ...base, publicApiUrl: 443 })).toThrow(/publicApiUrl/);
  });

  it('rejects incomplete or wrong shapes', () => {
    expect(() => parseRuntimeConfig(null)).toThrow();
    expect(() => parseRuntimeConfig({ ...base, userPoolId: '' })).toThrow(/userPoolId/);
    expect(() => parseRuntimeConfig({ ...base, stage: 'prod' })).toThrow(/stage/);
    expect(() => parseRuntimeConfig({ ...base, userPoolEndpoint: 9229 })).toThrow(/userPoolEndpoint/);
  });
});
