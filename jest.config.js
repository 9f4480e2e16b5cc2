/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec'],
  testMatch: ['**/*.spec.ts'],
  // Dynamic imports in lib/ name the emitted `.js` file, as Node's ESM resolution requires.
  // marketprophit-rx/history: what client.history$ loads by name at run time, here from the sources.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^marketprophit-rx/history$': '<rootDir>/lib/history/index.ts',
    // package.json `imports`: the Node build's default socket, from the sources.
    '^#default-socket$': '<rootDir>/lib/connection/default-sockets.node.ts',
    '^#compiled-decoders$': '<rootDir>/lib/endpoints/compiled-decoders.node.ts',
    '^#canonical-iso$': '<rootDir>/lib/codecs/canonical-iso.node.ts',
    '^#platform$': '<rootDir>/lib/platform/platform.node.ts',
  },
  // Angular's packages are ES modules only: spec/support/esm-to-cjs.cjs turns them into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!@angular/)'],
  transform: {
    '^.+\\.m?js$': '<rootDir>/spec/support/esm-to-cjs.cjs',
    // CommonJS modules, so that `import()` becomes `require()`: Jest runs CommonJS.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/spec/tsconfig.jest.json', diagnostics: false }],
  },
  testTimeout: 15_000,
  collectCoverage: true,
  coverageReporters: ['text-summary', 'lcov'],
  collectCoverageFrom: ['lib/**/*.ts', '!lib/cli/**', '!lib/**/index.ts'],
  coverageThreshold: {
    './lib/token/': { lines: 90 },
    './lib/connection/': { lines: 90 },
    './lib/subscription/': { lines: 90 },
    './lib/client/': { lines: 90 },
    './lib/errors/': { lines: 90 },
    './lib/lifecycle/': { lines: 95 },
  },
};
