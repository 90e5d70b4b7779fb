// Lint: typescript-eslint's recommended rules, no `any`, and the layer rules of docs/architecture.md:
// shared imports nothing of main/preload/renderer (nor node, electron, react); renderer never imports
// main; only src/main/electron and src/preload touch electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(
    ['src/shared/**'],
    ['**/main/**', '**/renderer/**', '**/preload/**', 'node:*', 'electron', 'react', 'react-dom'],
    'src/shared is pure TypeScript: no main, preload, renderer, node, electron or React.',
  ),
  layer(['src/renderer/**'], ['**/main/**', '**/preload/**', 'node:*', 'electron'], 'The renderer talks to main only through PortScopeApi.'),
  layer(['src/main/**'], ['**/renderer/**', '**/preload/**'], 'Main never imports the renderer or preload.'),
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src/main/electron may import electron; the rest runs in plain Node.' }],
          patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'Main never imports the renderer or preload.' }],
        },
      ],
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/lib/exec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        // both 'node:child_process' and bare 'child_process', static and dynamic imports and re-exports
        ...['ImportDeclaration', 'ImportExpression', 'ExportNamedDeclaration', 'ExportAllDeclaration'].map((node) => ({
          selector: `${node}[source.value=/^(node:)?child_process$/]`,
          message: 'Spawn processes only through src/main/lib/exec.ts (execFile, argv arrays, timeouts).',
        })),
      ],
    },
  },
  {
    files: ['bin/**', 'scripts/**', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
