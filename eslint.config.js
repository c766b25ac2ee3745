import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      '.xc',
      'node_modules',
      'public',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: globals.browser },
  },
  {
    // House rule 1: the core is pure; house rule 8: no Math.random anywhere in core/engine.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'navigator', 'location'],
      'no-restricted-imports': [
        'error',
        {
          // d3's CSV writer is pure string work (the run export's CSV): allowed, nothing else.
          paths: [
            {
              name: 'd3',
              allowImportNames: ['csvFormatRows'],
              message: 'Only d3 csvFormatRows in the core (house rule 1).',
            },
          ],
          patterns: [
            'react',
            'react-dom',
            'd3-*',
            '../engine/*',
            '../ui/*',
            '../../engine/*',
            '../../ui/*',
          ],
        },
      ],
    },
  },
  {
    // The UI's fence (house rules 7 and 9): of the engine, only the protocol and the client;
    // the page's address only through the app shell (src/ui/shell).
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/engine/*',
                '!**/engine/protocol',
                '!**/engine/client',
                '!**/engine/sweepClient',
              ],
              message:
                'The UI talks to the engine only through engine/protocol, engine/client and engine/sweepClient.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'location', message: 'Only the app shell (src/ui/shell) reads the address.' },
        { name: 'history', message: 'Only the app shell (src/ui/shell) writes the address.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'location', message: 'Use src/ui/shell/address.ts.' },
        { object: 'window', property: 'history', message: 'Use src/ui/shell/address.ts.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/engine/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded Rng (house rule 8).' },
      ],
    },
  },
  {
    files: [
      'scripts/**/*.mjs',
      'cli/**/*.ts',
      'bench/**/*.ts',
      'test/**/*.ts',
      'e2e/**/*.ts',
      '*.config.*',
    ],
    languageOptions: { globals: globals.node },
  },
);
