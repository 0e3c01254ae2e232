// Lint: the recommended JS and TypeScript rules, plus the determinism rule of the design:
// no wall clock or global randomness in simulated code (sim, models, components, planner).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const wallClock = [
  { object: 'Math', property: 'random', message: 'Use env.rng(stream): runs must be deterministic.' },
  { object: 'Date', property: 'now', message: 'Use env.now(): simulated code has no wall clock.' },
  { object: 'performance', property: 'now', message: 'Use env.now(): simulated code has no wall clock.' },
];

// Spreading an array into a call passes every element as an argument: beyond ~10^5 it
// overflows the stack, and queues, windows and node lists grow that large under overload.
const noSpreadArguments = ['error',
  { selector: 'CallExpression > SpreadElement', message: 'Spreading into a call overflows the stack for large arrays: use a loop, maxOf/minOf (sim/stats) or concat.' },
  { selector: 'NewExpression > SpreadElement', message: 'Spreading into a call overflows the stack for large arrays: use a loop or Array.from.' }];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'viz/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['sim/**/*.ts', 'models/**/*.ts', 'components/**/*.ts', 'planner/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', ...wallClock],
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: 'Use env.schedule().' },
        { name: 'setInterval', message: 'Use env.schedule().' }],
    },
  },
  {
    files: ['sim/**/*.ts', 'models/**/*.ts', 'components/**/*.ts', 'planner/**/*.ts', 'cli/**/*.ts', 'viz/**/*.ts'],
    rules: { 'no-restricted-syntax': noSpreadArguments },
  },
  {
    files: ['**/*.mjs', 'bin/**', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
