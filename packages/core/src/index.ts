// @academy/core: the platform library that api, bot and ops share. No HTTP in here.
export * from './config';
export * from './errors';
export * from './db';
export * from './cache';
export * from './content';
export * from './learning';
export * from './bot-support';
export * from './auth';
export * from './telemetry/logger';
export * from './telemetry/metrics';
export * from './telemetry/build-info';
export * from './telemetry/trace-context';
export * from './delivery';
