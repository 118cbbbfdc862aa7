import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'lib/',
      '.tools/',
      'build/',
      'coverage/',
      'reports/',
      '.stryker-tmp/',
      'index.js',
      '*.config.js',
      'bench/minimal-app/',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Short files and shorter functions in the app (docs/adding-an-operation.md, "Size").
    files: ['index.ts', 'src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 250 }],
      'max-lines-per-function': ['error', { max: 60 }],
    },
  },
);
