// docs/testing.md, the Jest setup: TypeScript specs with ts-jest, in Node. Type-checked here.
// snippet:start jest
// jest.config.ts (npm i -D jest ts-jest @types/jest ts-node): TypeScript specs, run in Node
import type { Config } from 'jest';

export default { preset: 'ts-jest', testEnvironment: 'node' } satisfies Config;
// snippet:end jest
