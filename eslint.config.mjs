// Lint, including the import boundaries of DESIGN.md §2 (enforced here, not by good intentions):
// - renderer/ imports nothing from electron/ but electron/contract, and no Node or native module;
// - electron/services, electron/cli and electron/training never import 'electron';
// - only native/ imports native npm modules;
// - the renderer never writes to browser storage (personal data must not land there, DESIGN.md §4).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NATIVE_MODULES = ['@napi-rs/keyring', 'better-sqlite3-multiple-ciphers', 'smartcard'];
const nativeRule = NATIVE_MODULES.map((name) => ({
  name,
  message: 'Native modules are imported only in native/ (one adapter each); use the adapter.',
}));
const electronRule = {
  name: 'electron',
  message: 'Services, the CLI and the training backend are Electron-free; main.ts/lifecycle.ts pass in what they need.',
};

export default tseslint.config(
  { ignores: ['out/', 'node_modules/', 'test-output/', 'bench-results/', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: nativeRule }],
    },
  },
  { files: ['native/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['electron/services/**', 'electron/cli/**', 'electron/training/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [...nativeRule, electronRule] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nativeRule,
            { name: 'electron', message: 'The renderer reaches main only through window.kaigo (renderer/api.ts).' },
            {
              name: 'zustand/middleware',
              importNames: ['persist', 'createJSONStorage'],
              message: 'Renderer stores are never persisted: personal data must not reach browser storage.',
            },
          ],
          patterns: [
            {
              regex: '^(\\.\\./)+(electron/(?!contract(/|$))|native/|tests/)',
              message: 'The renderer imports only electron/contract (DESIGN.md §2).',
            },
            { regex: '^(node:|fs$|path$|os$|child_process$)', message: 'The renderer has no Node.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'No browser storage in the renderer (DESIGN.md §4).' },
        { name: 'sessionStorage', message: 'No browser storage in the renderer (DESIGN.md §4).' },
        { name: 'indexedDB', message: 'No browser storage in the renderer (DESIGN.md §4).' },
        { name: 'caches', message: 'No browser storage in the renderer (DESIGN.md §4).' },
      ],
      'no-restricted-properties': [
        'error',
        ...['localStorage', 'sessionStorage', 'indexedDB', 'caches'].map((property) => ({
          object: 'window',
          property,
          message: 'No browser storage in the renderer (DESIGN.md §4).',
        })),
        { object: 'document', property: 'cookie', message: 'No cookies in the renderer (DESIGN.md §4).' },
      ],
    },
  },
);
