import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', 'bench/out/**', '.vitest/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Scanners handle hostile names and binary formats: matching control bytes is the point.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/test/**', 'packages/plugin-kit/src/testing/fixtures/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/test/fixtures/plugins/**'],
    rules: { 'no-constant-condition': 'off', 'no-empty': 'off' },
  },
);
