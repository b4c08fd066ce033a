import type { BuildOptions } from 'esbuild';
import { LogLevel, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * How a handler is bundled: one set of esbuild settings, expressed both as the NodejsFunction's
 * bundling options (`cdk synth`) and as esbuild's own build options (the bundle benchmark), so the
 * benchmark measures exactly what is deployed.
 */

/**
 * middy and the handlers are ESM-only. Some bundled dependencies still call `require` (node
 * built-ins from CommonJS code), which does not exist in an ES module: define it.
 */
const ESM_REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** The file NodejsFunction writes an ESM bundle to, inside its asset directory. */
export const BUNDLE_FILE = 'index.mjs';
/** The esbuild metafile NodejsFunction writes next to the bundle when `metafile` is on. */
export const METAFILE = 'index.meta.json';

const TARGET = 'node22';
const MAIN_FIELDS = ['module', 'main'];

export const HANDLER_BUNDLING = {
  format: OutputFormat.ESM,
  target: TARGET,
  mainFields: MAIN_FIELDS,
  banner: ESM_REQUIRE_BANNER,
  minify: true,
  sourceMap: true,
  // Line mappings are enough for --enable-source-maps; embedding the sources triples the asset.
  sourcesContent: false,
  // Bundle the pinned @aws-sdk/* 3.1169 instead of relying on the runtime's copy.
  externalModules: [],
  // Which input modules make each bundle large: `npm run synth` reports them (bundle-report.ts).
  // The metafile is also zipped into the asset (tens of kB compressed) but never loaded.
  metafile: true,
  forceDockerBundling: false,
  // Print esbuild's warnings and errors, not its per-file size lines.
  logLevel: LogLevel.WARNING,
} as const satisfies BundlingOptions;

/**
 * The same build through esbuild's API: what NodejsFunction's `esbuild --bundle` command line
 * amounts to for HANDLER_BUNDLING (aws-cdk-lib/aws-lambda-nodejs bundling.js buildEsbuildArgs).
 */
export function handlerEsbuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    outfile: `${outdir}/${BUNDLE_FILE}`,
    platform: 'node',
    format: 'esm',
    target: TARGET,
    mainFields: [...MAIN_FIELDS],
    banner: { js: ESM_REQUIRE_BANNER },
    minify: HANDLER_BUNDLING.minify,
    sourcemap: HANDLER_BUNDLING.sourceMap,
    sourcesContent: HANDLER_BUNDLING.sourcesContent,
    external: [...HANDLER_BUNDLING.externalModules],
    metafile: HANDLER_BUNDLING.metafile,
    logLevel: HANDLER_BUNDLING.logLevel,
  };
}
