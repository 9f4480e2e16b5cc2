export {
  createFakeServer,
  type FakeServer,
  type FakeServerOptions,
  type PublishOptions,
} from './fake-server';
export type { FakeServerEvent, FakeAck } from './fake-server';
export { FakeSocket } from './fake-socket';
