// Lint (npm run lint, part of npm test): typescript-eslint's recommended rules with type information for the
// promise rules, and the workflow sandbox rules for src/workflows (deterministic code: no Node, no I/O, no timers).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'util',
  'stream',
  'events',
  'timers',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-output/**',
      '.data/**',
      '.tools/**',
      'src/web/api-types.ts',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', 'src/web/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'error',
    },
  },
  {
    files: [
      'src/workflows/**/*.ts',
      'src/contracts/organizer-workflow.ts',
      'src/contracts/program-broadcast.ts',
      'src/contracts/search-attributes.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .flatMap((name) => [name, `node:${name}`])
            .map((name) => ({ name, message: 'workflow code is deterministic: use an activity for I/O' })),
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'nodemailer',
                'class-validator',
                'class-transformer',
                'reflect-metadata',
              ],
              message: 'not in the workflow sandbox',
            },
            {
              group: ['**/contracts/ids'],
              message: 'IDs are derived outside workflows (the module hashes with node:crypto)',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: "use the workflow API's sleep/condition" },
        { name: 'setInterval', message: "use the workflow API's sleep/condition" },
        { name: 'process', message: 'workflow code reads nothing from the process' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
  },
  {
    files: ['test/**/*.ts', 'dev/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
