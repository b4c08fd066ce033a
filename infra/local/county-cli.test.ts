import { describe, expect, it } from 'vitest';
import { parseCountyArgs, UsageError } from './county-cli';

describe('parseCountyArgs', () => {
  it('reads export and import with their target overrides', () => {
    expect(parseCountyArgs(['export', '--tenant', '370283', '--out', 'x.jsonl'])).toEqual({ command: 'export', county: '370283', out: 'x.jsonl', target: {} });
    expect(parseCountyArgs(['import', '--in', 'x.jsonl', '--endpoint', 'http://127.0.0.1:8000', '--table', 'restore', '--region', 'cn-north-1'])).toEqual({
      command: 'import',
      input: 'x.jsonl',
      target: { endpoint: 'http://127.0.0.1:8000', table: 'restore', region: 'cn-north-1' },
    });
  });

  it('refuses a missing or bad county, a missing file, options of the other command and unknown ones', () => {
    const refusal = (argv: string[]) => {
      try {
        parseCountyArgs(argv);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${argv.join(' ')}`);
    };
    expect(refusal(['export', '--out', 'x'])).toMatch(/--tenant <county code>/);
    expect(refusal(['export', '--tenant', '37028', '--out', 'x'])).toMatch(/--tenant <county code>/);
    expect(refusal(['export', '--tenant', '370283'])).toMatch(/--out <file>/);
    expect(refusal(['import'])).toMatch(/--in <file>/);
    expect(refusal(['import', '--in', 'x', '--tenant', '370283'])).toMatch(/takes the county from the file/);
    expect(refusal(['export', '--tenant', '370283', '--out', 'x', '--force'])).toMatch(/--force/);
    expect(refusal(['copy'])).toMatch(/unknown command copy/);
  });
});
