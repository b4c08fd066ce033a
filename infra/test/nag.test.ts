import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildTestApp } from './support';

/**
 * The whole app, synthesized once with cdk-nag's AwsSolutions pack registered exactly as
 * `npm run synth` registers it (an unacknowledged error would already make this synth throw).
 */
const { app } = buildTestApp({ cloudFormationValidation: true });
const assembly = app.synth();

function acknowledgements(scope: IConstruct): { path: string; id: string; reason: string }[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ path: construct.node.path, id, reason })),
  );
}

describe('cdk-nag AwsSolutions on the whole app', () => {
  it('has no unacknowledged finding, error or warning', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('wrote a validation report without violations from any plugin (cdk-nag, CloudFormation validation)', () => {
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations?: unknown[] }[];
    };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations ?? [])).toEqual([]);
  });

  it('has no CDK warning or error annotation on any stack', () => {
    const stackNames = app.node.children.filter((child) => Stack.isStack(child)).map((stack) => (stack as Stack).stackName);
    expect(assembly.stacks.map((stack) => stack.stackName).toSorted()).toEqual(stackNames.toSorted());
    const messages = assembly.stacks.flatMap((stack) => stack.messages).filter((message) => message.level !== 'info');
    expect(messages.map((message) => `${message.level} ${message.id}: ${String(message.entry.data)}`)).toEqual([]);
  });

  it('gives every acknowledged finding a specific reason', () => {
    const acks = acknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id).toMatch(/AwsSolutions-[A-Z]+\d+/);
      expect(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThan(60);
    }
  });
});
