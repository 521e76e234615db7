// Test support shared by every workspace's tests (not part of the runtime API).
export * from './services';
export * from './databases';
export * from './tcp-proxy';
export * from './fixtures';
