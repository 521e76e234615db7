import { describe, expect, it } from 'vitest';
import { poolConfig } from './pg-adapter';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('poolConfig', () => {
  it("uses the playbook's pool settings", () => {
    const config = poolConfig('postgres://u@db:5432/academy', { url: '' });
    expect(config).toMatchObject({
      min: 5,
      max: 20,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 2_000,
      statement_timeout: 30_000,
      query_timeout: 30_000,
      idle_in_transaction_session_timeout: 30_000,
    });
  });

  it('verifies TLS against DATABASE_CA_CERT and never disables verification', () => {
    const config = poolConfig('postgres://u@db:5432/academy', { url: '', caCert: PEM });
    expect(config.ssl).toEqual({ ca: PEM, rejectUnauthorized: true });
    const plain = poolConfig('postgres://u@db:5432/academy', { url: '' });
    expect(plain.ssl).toBeUndefined();
  });
});
