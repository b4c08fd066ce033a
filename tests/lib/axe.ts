import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core in a page of the portal: the minified build is added as an inline script (the
 * portal's content security policy allows inline scripts, not other origins) and `axe.run`
 * checks the whole document against WCAG 2.0/2.1 A and AA.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** What the accessibility test refuses. */
export const BLOCKING_IMPACTS: readonly ImpactValue[] = ['serious', 'critical'];

export interface Violation {
  id: string;
  impact: ImpactValue | null | undefined;
  help: string;
  /** The first few elements, as axe's selectors. */
  targets: string[];
  nodes: number;
}

const FIRST_TARGETS = 3;

export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_AA_TAGS,
  );
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, FIRST_TARGETS).map((n) => n.target.map(String).join(' ')),
    nodes: v.nodes.length,
  }));
}

export const isBlocking = (v: Violation): boolean => v.impact != null && BLOCKING_IMPACTS.includes(v.impact);

/** One line per violation: id, impact, help and where (what a failure prints). */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.id} [${v.impact}] ${v.help} — ${v.nodes} element(s): ${v.targets.join(' | ')}`).join('\n');
}
