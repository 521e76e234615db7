export { validateInitData, signInitData, dataCheckString, webAppSecretKey, type TelegramUser, type ValidatedInitData } from './init-data';
export { SessionTokens, type SessionClaims } from './session-token';
export { secretsEqual } from './secure-compare';
