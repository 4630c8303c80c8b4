import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NO_MARKUP = { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Text is data, never markup.' };
const USE_CATALOGUE = 'User-facing text comes from the message catalogue: i18n._(\'id\') (src/locales/*.po).';
// The attributes a user reads or hears.
const NAMED = 'aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label';

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'coverage', 'bench/results'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Imported text is data, never markup.
      'no-restricted-syntax': ['error', NO_MARKUP],
    },
  },
  {
    // Every word the user reads comes from the message catalogues (src/locales, issue 12): no
    // letters written straight into JSX, its names and hints, or a thrown error's text.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_MARKUP,
        // (The brand is a name, the same in every language.)
        { selector: 'JSXText[value=/\\p{L}{2,}/u]:not([value=/^\\s*Journeyboard\\s*$/])', message: USE_CATALOGUE },
        { selector: 'JSXElement > JSXExpressionContainer > Literal[value=/\\p{L}{2,}/u]', message: USE_CATALOGUE },
        { selector: 'JSXElement > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/\\p{L}{2,}/u]', message: USE_CATALOGUE },
        { selector: `JSXAttribute[name.name=/^(${NAMED})$/] > Literal[value=/\\p{L}{2,}/u]`, message: USE_CATALOGUE },
        { selector: `JSXAttribute[name.name=/^(${NAMED})$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/\\p{L}{2,}/u]`, message: USE_CATALOGUE },
        { selector: 'CallExpression[callee.property.name=/^(confirm|alert|announce)$/] > Literal[value=/\\p{L}{2,}/u]', message: USE_CATALOGUE },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', 'bin/**/*.mjs', '*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node } },
  },
);
