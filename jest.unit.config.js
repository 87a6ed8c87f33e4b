// The fast loop (`npm run test:unit`): the domain and unit tests, no servers started. `npm test` runs everything.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest reads its configs as CommonJS
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/unit'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
