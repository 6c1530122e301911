import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelgate, repoRoot } from './cli.js';

describe('the quick start demo model', () => {
  it('shows what the README says: a finding from every built-in plugin and the container rules, exit 1', () => {
    // HOME points nowhere so that no advisory database of the machine is found.
    const result = modelgate(['scan', join(repoRoot, 'examples/demo-model'), '--format', 'json', '--no-progress'], { env: { HOME: '/nonexistent' } });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string }[]; run: { complete: boolean } };
    expect(report.run.complete).toBe(true);
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const rule of [
      'pickle/dangerous-global',
      'manifest/digest-mismatch',
      'container/zip-path-traversal',
      'safetensors/trailing-data',
      'safetensors/shard-missing',
      'requirements/torch-mismatch',
      'requirements/extra-index',
      'license/license-mismatch',
    ]) {
      expect(rules, rule).toContain(rule);
    }
  });
});
