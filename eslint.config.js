// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'module', 'worker_threads', 'stream', 'events', 'http', 'https', 'net'];
const nodePatterns = ['node:*', ...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`)];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'release-check/**', '.cache/**', 'test-results/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // shared/ is pure TypeScript: it runs in main and in the renderer alike.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodePatterns, message: 'shared/ must not import Node modules.' },
            { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
            { group: ['better-sqlite3'], message: 'shared/ must not import the database.' },
            { group: ['react', 'react-dom', 'react-dom/*', 'react-konva', 'konva', 'konva/*'], message: 'shared/ must not import a DOM framework.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import app code.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer reaches main only through window.api.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodePatterns, message: 'renderer/ must not import Node modules; go through window.api.' },
            { group: ['electron', 'electron/*'], message: 'renderer/ must not import Electron; go through window.api.' },
            { group: ['better-sqlite3'], message: 'renderer/ must not import the database; go through window.api.' },
            { group: ['**/electron/**'], message: 'renderer/ must not import main-process code.' },
          ],
        },
      ],
    },
  },
  {
    // Only the thin shell may import electron; services and the database stay plain Node.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/security.ts', 'electron/ipc.ts', 'electron/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*'], message: 'Only the shell files import electron.' }] }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'tools/**/*.{js,mjs,cjs,ts}', '*.config.ts', '*.config.js'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
