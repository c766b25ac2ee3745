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
