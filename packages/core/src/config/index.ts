export { CONFIG_KEYS, configSchema, crossFieldProblems, ROLE_NAMES, type Config, type Role } from './schema';
export { ConfigError, loadConfig, loadConfigOrExit } from './load';
