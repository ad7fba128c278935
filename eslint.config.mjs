// ESLint flat config: typed rules for TypeScript, and the layering of STYLE.md enforced with
// no-restricted-imports (parser/, model/ and analysis/ never import the editor or LSP libraries).
import tseslint from 'typescript-eslint';

const layering = {
  patterns: [
    {
      group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'],
      message: 'parser/, model/ and analysis/ stay free of editor and LSP code (STYLE.md).',
    },
    { group: ['**/features/*', '**/server', '**/cli/*'], message: 'Data flows one way: grammar -> parser -> model -> analysis -> features -> server.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.e2e/**', 'server/src/parser/generated/**', 'test-results/**', 'test/fixtures/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/parser/**/*.ts', 'server/src/model/**/*.ts', 'server/src/analysis/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', layering] },
  },
);
