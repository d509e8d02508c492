// Lint: ESLint's and typescript-eslint's recommended rules; type errors are tsc's job.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The module shape (ADR 0005): who may import what.
const accessOnlyBelowRoutes = {
  group: ['**/access/*'],
  message: 'Only src/access, services and presenters ask policies; routes and views get permission flags (ADR 0005).',
};
const noFeatureModules = {
  group: ['**/modules/**'],
  message: 'Lower layers (domain, charts, reports, importers, app) never import a feature module (ADR 0005).',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', '.bench/**', 'public/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  // The module shape (ADR 0005), checked: only src/access, services and presenters ask policies;
  // lower layers never import a feature module; a view is one page of at most 300 lines.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/access/**', 'src/**/service.ts', 'src/**/*-service.ts', 'src/**/presenter.ts', 'src/**/*-presenter.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [accessOnlyBelowRoutes] }] },
  },
  {
    files: ['src/domain/**', 'src/charts/**', 'src/reports/**', 'src/importers/**', 'src/app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [accessOnlyBelowRoutes, noFeatureModules] }] },
  },
  {
    files: ['src/**/views/**/*.tsx', 'src/**/*-views.tsx'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] },
  },
);
