import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputModule, readBundleReport } from '../lib/bundle-report';

/** A tiny cloud assembly: two stacks, three functions, one stale asset and one inline function. */
function writeFakeCdkOut(dir: string): void {
  const write = (file: string, content: string | object) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  };
  write('manifest.json', {
    version: '55.0.0',
    artifacts: {
      'App-Api.assets': { type: 'cdk:asset-manifest', properties: { file: 'App-Api.assets.json' } },
      'App-Api': { type: 'aws:cloudformation:stack', displayName: 'App-Api', properties: { templateFile: 'App-Api.template.json' } },
      'App-Jobs': { type: 'aws:cloudformation:stack', properties: { templateFile: 'App-Jobs.template.json' } },
      Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
    },
  });
  const bucket = { 'Fn::Sub': 'cdk-assets-${AWS::AccountId}' };
  write('App-Api.template.json', {
    Resources: {
      adminHandlerFunctionAB12: {
        Type: 'AWS::Lambda::Function',
        Metadata: { 'aws:cdk:path': 'App-Api/adminHandler/Function/Resource' },
        Properties: { Code: { S3Bucket: bucket, S3Key: 'aaa111.zip' }, Handler: 'index.handler', Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'app-admin' } } },
      },
      mattersHandlerFunctionCD34: {
        Type: 'AWS::Lambda::Function',
        Properties: { Code: { S3Bucket: bucket, S3Key: 'bbb222.zip' }, Handler: 'index.handler', FunctionName: 'app-matters' },
      },
      InlineFunction: { Type: 'AWS::Lambda::Function', Properties: { Code: { ZipFile: 'exports.handler = async () => ({})' }, Handler: 'index.handler' } },
      SomeRole: { Type: 'AWS::IAM::Role', Properties: {} },
    },
  });
  write('App-Jobs.template.json', {
    Resources: {
      rollupJobFunctionEF56: {
        Type: 'AWS::Lambda::Function',
        Metadata: { 'aws:cdk:path': 'App-Jobs/rollupJob/Function/Resource', 'aws:asset:path': 'asset.ccc333' },
        Properties: { Code: { S3Bucket: bucket, S3Key: { 'Fn::Join': ['', ['ccc333', '.zip']] } }, Handler: 'index.handler' },
      },
    },
  });
  write('asset.aaa111/index.mjs', 'x'.repeat(3000));
  write('asset.aaa111/index.mjs.map', '{}');
  write('asset.aaa111/index.meta.json', {
    inputs: {},
    outputs: {
      'infra/cdk.out/bundling-temp-aaa111/index.mjs.map': { inputs: {} },
      'infra/cdk.out/bundling-temp-aaa111/index.mjs': {
        entryPoint: 'functions/src/http/admin/index.ts',
        inputs: {
          'node_modules/zod/v4/core/schemas.js': { bytesInOutput: 700 },
          'node_modules/zod/v4/classic/schemas.js': { bytesInOutput: 500 },
          'node_modules/@smithy/core/dist-es/index.js': { bytesInOutput: 900 },
          'node_modules/@aws-sdk/client-s3/node_modules/@smithy/core/dist-es/x.js': { bytesInOutput: 100 },
          'functions/src/http/admin/index.ts': { bytesInOutput: 300 },
          'functions/src/lib/env.ts': { bytesInOutput: 50 },
        },
      },
    },
  });
  write('asset.bbb222/index.mjs', 'y'.repeat(5000));
  write('asset.ccc333/index.js', 'z'.repeat(1000));
  write('asset.ddd444/index.mjs', 'stale asset of an earlier synth'.repeat(1000));
}

describe('readBundleReport', () => {
  let cdkOut: string;
  beforeAll(() => {
    cdkOut = mkdtempSync(join(tmpdir(), 'bundle-report-'));
    writeFakeCdkOut(cdkOut);
  });
  afterAll(() => rmSync(cdkOut, { recursive: true, force: true }));

  it('maps each function to its asset by the S3 key (or the asset metadata), largest first, ignoring stale and inline code', () => {
    const report = readBundleReport(cdkOut);
    expect(report.map((b) => [b.name, b.stack, b.logicalId, b.bundleFile, b.bundleBytes])).toEqual([
      ['app-matters', 'App-Api', 'mattersHandlerFunctionCD34', 'index.mjs', 5000],
      ['app-admin', 'App-Api', 'adminHandlerFunctionAB12', 'index.mjs', 3000],
      ['App-Jobs/rollupJob/Function', 'App-Jobs', 'rollupJobFunctionEF56', 'index.js', 1000],
    ]);
    expect(report[0]?.assetDir).toBe(join(cdkOut, 'asset.bbb222'));
  });

  it('gzips the bundle', () => {
    const admin = readBundleReport(cdkOut).find((b) => b.name === 'app-admin');
    expect(admin?.gzipBytes).toBeGreaterThan(0);
    expect(admin?.gzipBytes).toBeLessThan(100);
  });

  it('groups the metafile inputs by package, largest first, when the asset has a metafile', () => {
    const report = readBundleReport(cdkOut, { topInputs: 3 });
    expect(report.find((b) => b.name === 'app-admin')?.largestInputs).toEqual([
      { module: 'zod', bytes: 1200 },
      { module: '@smithy/core', bytes: 1000 },
      { module: 'functions/src/http/admin/index.ts', bytes: 300 },
    ]);
    expect(report.find((b) => b.name === 'app-matters')?.largestInputs).toBeUndefined();
  });
});

describe('inputModule', () => {
  it.each([
    ['node_modules/zod/v4/core/schemas.js', 'zod'],
    ['node_modules/@aws-sdk/client-s3/dist-es/index.js', '@aws-sdk/client-s3'],
    ['node_modules/exceljs/node_modules/readable-stream/lib/x.js', 'readable-stream'],
    ['functions/src/routes.ts', 'functions/src/routes.ts'],
  ])('%s → %s', (path, module) => {
    expect(inputModule(path)).toBe(module);
  });
});
