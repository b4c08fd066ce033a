import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { METAFILE } from './handler-bundling';

/**
 * What `cdk synth` bundled for each Lambda function, read back from the cloud assembly
 * (cdk.out): manifest.json names the stack templates; each `AWS::Lambda::Function` names its
 * code asset by the S3 key `<asset hash>.zip`, which is staged as the directory
 * `asset.<asset hash>/` holding the handler module (`index.mjs`), its source map and, when
 * bundling writes one, esbuild's metafile. Assets of earlier synths that no template refers to
 * any more are ignored.
 */

export interface InputShare {
  /** An npm package (`zod`, `@smithy/core`) or, outside node_modules, a source file. */
  module: string;
  /** Bytes it contributes to the bundle (esbuild's `bytesInOutput`, summed over its files). */
  bytes: number;
}

export interface FunctionBundle {
  /** FunctionName, else POWERTOOLS_SERVICE_NAME, else the construct path, else the logical id. */
  name: string;
  stack: string;
  logicalId: string;
  assetDir: string;
  bundleFile: string;
  bundleBytes: number;
  gzipBytes: number;
  /** The largest contributors, biggest first; absent when the asset has no metafile. */
  largestInputs?: InputShare[];
}

interface Manifest {
  artifacts?: Record<string, { type: string; displayName?: string; properties?: { templateFile?: string } }>;
}

interface LambdaResource {
  Type: string;
  Metadata?: Record<string, unknown>;
  Properties?: {
    Code?: { S3Key?: unknown };
    FunctionName?: unknown;
    Handler?: unknown;
    Environment?: { Variables?: Record<string, unknown> };
  };
}

interface Metafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** `asset.<hash>` from the function's S3 key (`<hash>.zip`), else from CDK's asset metadata. */
function assetDirName(resource: LambdaResource): string | undefined {
  const key = resource.Properties?.Code?.S3Key;
  if (typeof key === 'string' && key.endsWith('.zip')) return `asset.${key.slice(0, -'.zip'.length)}`;
  const path = resource.Metadata?.['aws:asset:path'];
  return typeof path === 'string' ? path : undefined;
}

function functionName(logicalId: string, resource: LambdaResource): string {
  const props = resource.Properties;
  const candidates = [
    props?.FunctionName,
    props?.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
    typeof resource.Metadata?.['aws:cdk:path'] === 'string' ? resource.Metadata['aws:cdk:path'].replace(/\/Resource$/, '') : undefined,
  ];
  return candidates.find((c): c is string => typeof c === 'string' && c !== '') ?? logicalId;
}

/** The handler's module (`index` of `index.handler`) as staged: the ESM `.mjs` or a `.js`. */
function bundleFileIn(dir: string, resource: LambdaResource): string | undefined {
  const handler = resource.Properties?.Handler;
  const module = typeof handler === 'string' ? handler.slice(0, handler.lastIndexOf('.')) : 'index';
  return [`${module}.mjs`, `${module}.js`].find((file) => existsSync(join(dir, file)));
}

/** npm package of a metafile input path (the innermost node_modules), else the path itself. */
export function inputModule(path: string): string {
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return match?.[1] ?? path;
}

/** The top `limit` contributors to the bundle, grouped by package, from esbuild's metafile. */
export function largestInputs(metafile: Metafile, bundleFile: string, limit: number): InputShare[] {
  const output = Object.entries(metafile.outputs).find(([file]) => file.endsWith(`/${bundleFile}`) || file === bundleFile)?.[1];
  const totals = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const module = inputModule(path);
    totals.set(module, (totals.get(module) ?? 0) + bytesInOutput);
  }
  return [...totals]
    .map(([module, bytes]) => ({ module, bytes }))
    .sort((a, b) => b.bytes - a.bytes || a.module.localeCompare(b.module))
    .slice(0, limit);
}

/** Every function of every stack in `cdkOut` whose code is a staged asset, largest bundle first. */
export function readBundleReport(cdkOut: string, options: { topInputs?: number } = {}): FunctionBundle[] {
  const manifest = readJson<Manifest>(join(cdkOut, 'manifest.json'));
  const bundles: FunctionBundle[] = [];
  for (const [artifactId, artifact] of Object.entries(manifest.artifacts ?? {})) {
    const templateFile = artifact.properties?.templateFile;
    if (artifact.type !== 'aws:cloudformation:stack' || !templateFile) continue;
    const template = readJson<{ Resources?: Record<string, LambdaResource> }>(join(cdkOut, templateFile));
    for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const dirName = assetDirName(resource);
      const assetDir = dirName && join(cdkOut, dirName);
      const bundleFile = assetDir && bundleFileIn(assetDir, resource);
      if (!assetDir || !bundleFile) continue;
      const code = readFileSync(join(assetDir, bundleFile));
      const metafile = join(assetDir, METAFILE);
      bundles.push({
        name: functionName(logicalId, resource),
        stack: artifact.displayName ?? artifactId,
        logicalId,
        assetDir,
        bundleFile,
        bundleBytes: code.length,
        gzipBytes: gzipSync(code).length,
        largestInputs: existsSync(metafile) ? largestInputs(readJson<Metafile>(metafile), bundleFile, options.topInputs ?? 5) : undefined,
      });
    }
  }
  return bundles.sort((a, b) => b.bundleBytes - a.bundleBytes || a.name.localeCompare(b.name));
}
