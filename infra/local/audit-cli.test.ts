import { describe, expect, it } from 'vitest';
import { describeEntry, describeVerdict, parseAuditArgs } from './audit-cli';

describe('parseAuditArgs', () => {
  it('reads verify and list, with --tenant, --limit (default 20) and --stack', () => {
    expect(parseAuditArgs(['verify', '--tenant', '370283'])).toEqual({ command: 'verify', tenantId: '370283' });
    expect(parseAuditArgs(['--tenant', '370211', 'list'])).toEqual({ command: 'list', tenantId: '370211', limit: 20 });
    expect(parseAuditArgs(['list', '--tenant', '370211', '--limit', '5', '--stack', '/tmp/stack.json'])).toEqual({
      command: 'list',
      tenantId: '370211',
      limit: 5,
      stackFile: '/tmp/stack.json',
    });
  });

  it('refuses, in one line each: no command, an unknown command or option, a missing value, a bad tenant or limit', () => {
    const refusal = (argv: string[]) => {
      try {
        parseAuditArgs(argv);
      } catch (error) {
        expect((error as Error).name).toBe('Error');
        expect((error as Error).message).not.toContain('\n');
        return (error as Error).message;
      }
      throw new Error(`accepted ${argv.join(' ')}`);
    };
    expect(refusal([])).toMatch(/^Usage: npm run audit -- verify/);
    expect(refusal(['check', '--tenant', '370283'])).toMatch(/^Unknown command check/);
    expect(refusal(['verify'])).toMatch(/^verify needs --tenant/);
    expect(refusal(['verify', '--tenant'])).toMatch(/^--tenant needs a value/);
    expect(refusal(['verify', '--tenant', '--limit', '3'])).toMatch(/^--tenant needs a value/);
    expect(refusal(['verify', '--tenant', '37028'])).toMatch(/not a county code/);
    expect(refusal(['verify', '--tenant', '370000'])).toMatch(/not a county code/);
    expect(refusal(['verify', '--tenant', '370283', '--force'])).toMatch(/^Unknown option --force/);
    expect(refusal(['verify', '--tenant', '370283', 'extra'])).toMatch(/^Unexpected argument extra/);
    expect(refusal(['verify', '--tenant', '370283', '--limit', '3'])).toMatch(/--limit applies to list only/);
    for (const limit of ['0', '1001', '2.5', 'ten']) expect(refusal(['list', '--tenant', '370283', '--limit', limit])).toMatch(/must be a whole number from 1 to 1000/);
  });
});

describe('what verify and list print', () => {
  it('one line per verdict, in Chinese and English, exit 0 when intact and 1 otherwise', () => {
    const intact = describeVerdict('370283', { ok: true, entries: 3, head: { seq: 3, hash: 'ab'.repeat(32) } });
    expect(intact).toEqual({ exitCode: 0, line: expect.stringMatching(/^审计日志完整 \/ audit log intact: county 370283, 3 entries, head #3 sha256:(ab){32}/) });
    expect(describeVerdict('370283', { ok: true, entries: 0 })).toEqual({ exitCode: 0, line: '审计日志为空 / no audit entries yet: county 370283' });
    const tampered = describeVerdict('370283', { ok: false, atSeq: 7, problem: 'missing_entry', entries: 6 });
    expect(tampered.exitCode).toBe(1);
    expect(tampered.line).toMatch(/^审计日志异常 \/ audit log tampered: county 370283, entry #7: missing_entry — 该条目已被删除 \/ the entry was removed/);
    for (const problem of ['hash_mismatch', 'broken_link', 'head_mismatch'] as const) {
      expect(describeVerdict('370283', { ok: false, atSeq: 2, problem, entries: 1 }).line).toContain(`entry #2: ${problem} — `);
    }
  });

  it('lists an entry on one line, even a damaged one', () => {
    expect(
      describeEntry({
        seq: 4,
        at: '2026-03-01T02:00:00.000Z',
        action: 'reveal',
        record: { kind: 'matter', id: 'mat_1' },
        actor: { username: 'program.370283', name: '李主任', roles: ['program_office'] },
        summary: { field: 'reporter', changed: ['a', 'b'] },
      }),
    ).toBe('#4  2026-03-01T02:00:00.000Z  reveal  matter mat_1  program.370283 (李主任)  field=reporter changed=a,b');
    expect(describeEntry({ seq: 5 })).toBe('#5  ?  ?  ? ?  ? (?)');
  });
});
