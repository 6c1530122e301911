import type { DirectoryScanner } from '@modelgate/plugin-api';
import { checkAdvisories } from '../checks/check-advisories.js';
import { checkDirectReference } from '../checks/check-direct-references.js';
import { checkCuda, checkHashes, checkTorch, checkUnpinned } from '../checks/check-environment.js';
import { checkIndexes } from '../checks/check-indexes.js';
import { checkProblems } from '../checks/check-problems.js';
import { checkTyposquat } from '../checks/check-typosquat.js';
import type { CheckContext, Environment } from '../checks/context.js';
import type { ParsedFile } from '../model.js';
import { classify } from '../parse/classify.js';
import { requirementsScannerDeclaration } from './declarations.js';
import { readOptions } from '../options.js';
import { createReporter } from '../reporter.js';
import { loadAdvisoriesFor } from './advisory-source.js';
import { Workspace } from './workspace.js';

/** Checks that look at one file on its own. */
function checkFile(file: ParsedFile, ctx: CheckContext): void {
  checkProblems(file, ctx);
  checkIndexes(file, ctx);
  for (const req of file.requirements) {
    checkDirectReference(req, ctx);
    checkTyposquat(req, ctx);
    checkAdvisories(req, ctx);
  }
}

/** Checks that look at what one install (a root file and its includes) puts together. */
function checkEnvironment(env: Environment, ctx: CheckContext): void {
  checkUnpinned(env, ctx);
  checkHashes(env, ctx);
  checkTorch(env, ctx);
  checkCuda(env, ctx);
}

/**
 * The requirements scanner: runs once for the scan root (so `-r`/`-c` includes can be followed
 * anywhere inside it), parses every dependency file, loads the advisory data once per worker, and
 * checks each file once and each environment (a file not included by another, plus its includes).
 */
export const requirementsScanner: DirectoryScanner = {
  ...requirementsScannerDeclaration,
  async scan(directory, ctx) {
    const options = readOptions(ctx.options);
    const report = createReporter(ctx);
    const candidates = directory.files.filter((f) => f.kind === 'file' && classify(f.path) !== undefined);
    if (!candidates.length) return;
    const advisories = await loadAdvisoriesFor(options, ctx, report, candidates[0]!.path);
    const checks: CheckContext = { report, ...(advisories && { advisories }), extraPopular: options.popularPackages ?? [] };
    const workspace = new Workspace(directory, ctx, checks);
    const roots: ParsedFile[] = [];
    for (const entry of candidates) {
      if (ctx.signal.aborted) return;
      const kind = classify(entry.path)!;
      const file = await workspace.load(entry.path, kind.kind, kind.constraint === true);
      if (file) roots.push(file);
    }
    const environments: Environment[] = [];
    for (const root of roots) environments.push(await workspace.environment(root));
    const checked = new Set<ParsedFile>();
    const covered = new Set<ParsedFile>();
    // Files not included by another are environments; files reachable only through a cycle too.
    const standalone = environments.filter((env) => !workspace.included.has(env.root.path));
    for (const env of standalone) for (const file of env.files) covered.add(file);
    for (const env of environments) {
      if (covered.has(env.root)) continue;
      standalone.push(env);
      for (const file of env.files) covered.add(file);
    }
    for (const env of environments) {
      if (ctx.signal.aborted) return;
      for (const file of env.files) {
        if (checked.has(file)) continue;
        checked.add(file);
        checkFile(file, checks);
      }
    }
    for (const env of standalone) checkEnvironment(env, checks);
    ctx.inventory({
      type: 'dependency-files',
      files: [...checked].map((f) => ({ path: f.path, kind: f.kind, requirements: f.requirements.length })).sort((a, b) => (a.path < b.path ? -1 : 1)),
    });
  },
};
