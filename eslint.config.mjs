// Type-aware linting. Four rules carry the architecture: no floating promises anywhere, no
// `vscode` import outside the editor glue (src/core and src/cli run in plain Node), no import
// cycles (type-only imports aside), and the main bundle's files (directly in src/extension/) never
// import the lazy bundles' code (src/extension/editing/, src/extension/api/) except its types.
// And the editor's words go through vscode.l10n.t (l10n/bundle.l10n.json), never as bare literals.
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Text with a word in it (a codicon such as `$(check)` or `$(cloud-upload)`, or an escape such as `\n`, is no word). */
const WORD = String.raw`/(^\(?|[^\w$(\\-]|[^$]\()[A-Za-z]/`;
const SHOWN = '/^(title|placeHolder|placeholder|prompt|label|tooltip|description|detail|saveLabel|text)$/';
/** A literal with a word in it, or a template literal whose own text has one (`${l10n.t(...)}` alone passes), in `field` of `parent`. */
const wordy = (parent, field) => [
  `${parent} > Literal${field}[value=${WORD}]`,
  `${parent} > TemplateLiteral${field}:has(> TemplateElement[value.raw=${WORD}])`,
];
const untranslated = [
  // A message and its buttons, a test message.
  ...wordy('CallExpression[callee.property.name=/^show(Information|Warning|Error)Message$/]', '.arguments'),
  ...wordy("NewExpression[callee.property.name='TestMessage']", '.arguments'),
  ...wordy(
    "CallExpression[callee.object.property.name='TestMessage'][callee.property.name='diff']",
    '.arguments:first-child',
  ),
  // Titles, placeholders, prompts, labels, tooltips ... in object literals and assigned to an item.
  ...wordy(`Property[key.name=${SHOWN}]`, '.value'),
  ...wordy(`AssignmentExpression[left.property.name=${SHOWN}]`, '.right'),
].map((selector) => ({
  selector,
  message: 'User-visible text goes through vscode.l10n.t() (l10n/bundle.l10n.json, `npm run l10n`).',
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'src/core/generated/**',
      '.vscode-host/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message:
                'src/core, src/cli and src/webview must not depend on VS Code; put editor glue in src/extension.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/extension/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./editing/*', './api/*'],
              allowTypeImports: true,
              message:
                'The main bundle (dist/extension.js) loads the lazy bundles only through lazy.ts; import their types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...untranslated] },
  },
);
