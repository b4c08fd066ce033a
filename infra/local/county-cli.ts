import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_TABLE_NAME } from '@beatlink/functions/data/table-definition';
import { isCountyCode } from '@beatlink/shared';
import { exportCounty, importCounty } from './county-export';
import { dynamoDbAnswers, localDynamoDbClient } from './dynamodb-local';
import { readStackConfig, STACK_FILE } from './stack-config';

/**
 * `npm run county -- export|import`: a county's data to a JSON-lines file and back (see
 * county-export.ts for what the file carries), against the running `npm start` stack
 * (.data/stack.json) or any DynamoDB endpoint and table given with --endpoint/--table.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const HELP = `Usage: npm run county -- <command> [options]

Commands:
  export --tenant <code> --out <file>   Every item of the county as JSON lines (DynamoDB JSON, sorted,
                                        with a checksum). --out - writes to standard output.
  import --in <file>                    Into a table without that county (created when missing);
                                        the file is checked whole before anything is written.

Options:
  --stack <file>      The running stack's description (default ${STACK_FILE})
  --endpoint <url>    DynamoDB endpoint (default: the stack's DynamoDB Local)
  --table <name>      Table (default: the stack's, else ${DEFAULT_TABLE_NAME})
  --region <region>   Region (default: the stack's, else cn-north-1)
  -h, --help          Show this help

The master key that wraps the county's data keys is not in the file: imported personal data is
readable only on a stack with the same key (.data/keys/master.key locally).`;

export type CountyArgs = { command: 'export'; county: string; out: string; target: Target } | { command: 'import'; input: string; target: Target };
export interface Target {
  stack?: string;
  endpoint?: string;
  table?: string;
  region?: string;
}

export class UsageError extends Error {}

export function parseCountyArgs(argv: string[]): CountyArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        tenant: { type: 'string' },
        out: { type: 'string' },
        in: { type: 'string' },
        stack: { type: 'string' },
        endpoint: { type: 'string' },
        table: { type: 'string' },
        region: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see --help)`);
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]} (see --help)`);
  const target: Target = {
    ...(values.stack ? { stack: values.stack } : {}),
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
    ...(values.table ? { table: values.table } : {}),
    ...(values.region ? { region: values.region } : {}),
  };
  if (command === 'export') {
    if (values.in) throw new UsageError('--in applies to import (see --help)');
    if (!values.tenant || !isCountyCode(values.tenant)) throw new UsageError('export needs --tenant <county code> (6 digits, e.g. 370283)');
    if (!values.out) throw new UsageError('export needs --out <file> (or --out - for standard output)');
    return { command, county: values.tenant, out: values.out, target };
  }
  if (command === 'import') {
    if (values.tenant || values.out) throw new UsageError('import takes the county from the file: --in <file> only (see --help)');
    if (!values.in) throw new UsageError('import needs --in <file>');
    return { command, input: values.in, target };
  }
  throw new UsageError(command ? `unknown command ${command} (export or import; see --help)` : HELP);
}

/** The endpoint, table and region: the flags, else the running stack's. */
function resolveTarget(target: Target): { endpoint: string; table: string; region: string } {
  const stackFile = target.stack ?? STACK_FILE;
  const stack = target.stack || !target.endpoint || existsSync(stackFile) ? readStackConfig(stackFile) : undefined;
  return {
    endpoint: target.endpoint ?? stack!.dynamodbEndpoint,
    table: target.table ?? stack?.tableName ?? DEFAULT_TABLE_NAME,
    region: target.region ?? stack?.region ?? 'cn-north-1',
  };
}

async function run(args: CountyArgs): Promise<string> {
  const { endpoint, table, region } = resolveTarget(args.target);
  if (!(await dynamoDbAnswers(endpoint))) throw new Error(`DynamoDB does not answer at ${endpoint}: is the stack running? Start it with: npm start`);
  const client = localDynamoDbClient(endpoint, region);
  try {
    if (args.command === 'export') {
      const { text, header } = await exportCounty({ client, tableName: table, county: args.county });
      if (header.items === 0) throw new Error(`table ${table} has no item of county ${args.county}: nothing exported`);
      if (args.out === '-') {
        process.stdout.write(text);
        return `exported ${header.items} items of county ${args.county} from ${table}`;
      }
      // Written beside and renamed: a crash never leaves a half file under the final name.
      const out = resolve(args.out);
      writeFileSync(`${out}.partial`, text);
      renameSync(`${out}.partial`, out);
      return `exported ${header.items} items of county ${args.county} from ${table} to ${out} (sha256 ${header.sha256})`;
    }
    const { header, created } = await importCounty({ client, tableName: table, text: readFileSync(args.input, 'utf8') });
    return `imported ${header.items} items of county ${header.county} (exported ${header.exportedAt} from ${header.table}) into ${created ? 'the new table ' : ''}${table}`;
  } finally {
    client.destroy();
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  let args: CountyArgs;
  try {
    args = parseCountyArgs(argv);
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : String(error));
    return 2;
  }
  try {
    // Progress and results on stderr: `export --out -` keeps stdout for the file alone.
    console.error(await run(args));
    return 0;
  } catch (error) {
    console.error(`county ${args.command}: ${(error as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
