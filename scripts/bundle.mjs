#!/usr/bin/env node
// Build step run in a package after `tsc`: rebuilds the package's entry points (the `exports` and
// `bin` of its package.json, plus any `src/*.ts` given as arguments) as bundles, over tsc's files.
//
// Why: Node 20 has no module compile cache, and every scan loads the engine and the plugins three
// times (main thread and two workers). One file per entry instead of dozens of small modules
// takes a third of the start-up time. The package's own code is bundled, and so are the pure
// JavaScript libraries in BUNDLED_DEPENDENCIES, which are each made of many small modules (yaml
// loads in 22 ms from its 80 CommonJS files and in 4 ms bundled). Every other dependency stays
// an import: other @modelgate packages (each still loads by its name), piscina (it starts its
// workers from a file next to its own), native and data packages.
// Code shared by two entries, and code loaded by `import()`, goes into chunks at the top of `dist/`.
// A path built from `import.meta.url` therefore belongs in a module at the top of `src/` (as
// apps/cli/src/version.ts does): from there it holds in `src/`, in tsc's `dist/` and in a chunk.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Libraries compiled into the bundles that import them (their versions are the lockfile's). */
const BUNDLED_DEPENDENCIES = new Set([
  'yaml',
  'picomatch',
  'commander',
  'cli-progress',
  'picocolors',
  'spdx-expression-parse',
  'hyparquet',
  'smol-toml',
  '@renovatebot/pep440',
  '@humanwhocodes/momoa',
]);

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; undefined for relative paths. */
const packageNameOf = (specifier) => {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

/** Keeps every import of a package outside BUNDLED_DEPENDENCIES (and their own imports) external. */
const externalDependencies = {
  name: 'external-dependencies',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageNameOf(args.path);
      if (name === undefined) return undefined;
      const insideBundledDependency = args.importer.includes('/node_modules/');
      if (BUNDLED_DEPENDENCIES.has(name) || (insideBundledDependency && !args.path.startsWith('@modelgate/'))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const packageDir = process.cwd();
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

/** `./dist/a/b.js` → `src/a/b.ts` */
const sourceOf = (distPath) => distPath.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');

const targets = [];
const collect = (value) => {
  if (typeof value === 'string') {
    if (value.startsWith('./dist/') && value.endsWith('.js')) targets.push(sourceOf(value));
  } else if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) collect(inner);
  }
};
collect(manifest.exports);
collect(manifest.bin);
targets.push(...process.argv.slice(2));
const entryPoints = [...new Set(targets)];
if (entryPoints.length === 0) throw new Error(`${manifest.name}: no entry points to bundle`);

// Chunk names carry a content hash: drop the previous build's chunks first.
for (const name of readdirSync(join(packageDir, 'dist'))) {
  if (/^_.+-[A-Z0-9]{8}\.js(\.map)?$/.test(name)) rmSync(join(packageDir, 'dist', name));
}

await build({
  absWorkingDir: packageDir,
  entryPoints,
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalDependencies],
  // CommonJS libraries call require() for Node's built-in modules; ES modules have no require.
  banner: { js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);" },
  sourcemap: true,
  chunkNames: '_[name]-[hash]',
  logLevel: 'warning',
});
