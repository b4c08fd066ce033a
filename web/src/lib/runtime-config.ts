/**
 * Deployment settings the portal reads at startup from `/runtime-config.json` (written by the
 * embedded stack or the deployment next to the built portal), so one build runs anywhere.
 */
export interface RuntimeConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** cognito-local's URL when running the embedded stack; absent in AWS. */
  userPoolEndpoint?: string;
  /**
   * Where integrators call the public API (AWS: the CloudFront distribution with the WAF in front
   * of it); absent locally, where it is `apiUrl`.
   */
  publicApiUrl?: string;
  stage: 'local' | 'aws';
}

const REQUIRED = ['apiUrl', 'region', 'userPoolId', 'userPoolClientId'] as const;

/** Checks the JSON shape and normalises the API URL (no trailing slash). */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (typeof raw !== 'object' || raw === null) throw new Error('runtime-config.json: not an object');
  const value = raw as Record<string, unknown>;
  for (const key of REQUIRED) {
    if (typeof value[key] !== 'string' || value[key] === '') {
      throw new Error(`runtime-config.json: "${key}" must be a non-empty string`);
    }
  }
  const stage = value.stage ?? 'aws';
  if (stage !== 'local' && stage !== 'aws') throw new Error('runtime-config.json: "stage" must be "local" or "aws"');
  const endpoint = value.userPoolEndpoint;
  if (endpoint !== undefined && endpoint !== null && typeof endpoint !== 'string') {
    throw new Error('runtime-config.json: "userPoolEndpoint" must be a string');
  }
  const publicApiUrl = value.publicApiUrl;
  if (publicApiUrl !== undefined && publicApiUrl !== null && typeof publicApiUrl !== 'string') {
    throw new Error('runtime-config.json: "publicApiUrl" must be a string');
  }
  return {
    apiUrl: (value.apiUrl as string).replace(/\/+$/, ''),
    region: value.region as string,
    userPoolId: value.userPoolId as string,
    userPoolClientId: value.userPoolClientId as string,
    ...(endpoint ? { userPoolEndpoint: endpoint.replace(/\/+$/, '') } : {}),
    ...(publicApiUrl ? { publicApiUrl: publicApiUrl.replace(/\/+$/, '') } : {}),
    stage,
  };
}

let pending: Promise<RuntimeConfig> | undefined;

/** Fetches the configuration once per page load. */
export function loadRuntimeConfig(): Promise<RuntimeConfig> {
  pending ??= fetch('/runtime-config.json', { cache: 'no-store' })
    .then(async (response) => {
      if (!response.ok) throw new Error(`runtime-config.json: HTTP ${response.status}`);
      return parseRuntimeConfig(await response.json());
    })
    .catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
  return pending;
}
