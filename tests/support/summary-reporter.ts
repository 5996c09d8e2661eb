import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Counts tests per project (pglite, postgres, e2e), prints one plain closing line
 * "N passed, N failed, N skipped" and writes the counts to test-results/projects.json, which
 * .ci/run reads to fail when an engine's run was skipped.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const projects: Record<string, { passed: number; failed: number; skipped: number }> = {};
    for (const mod of testModules) {
      const counts = (projects[mod.project.name] ??= { passed: 0, failed: 0, skipped: 0 });
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) counts.failed++;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const total = Object.values(projects).reduce(
      (a, c) => ({ passed: a.passed + c.passed, failed: a.failed + c.failed, skipped: a.skipped + c.skipped }),
      { passed: 0, failed: 0, skipped: 0 },
    );
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/projects.json', JSON.stringify(projects, null, 2));
    for (const [name, c] of Object.entries(projects)) {
      console.log(`  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    }
    console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  }
}
