import { describe, expect, it } from 'vitest';
import { SingleFlight } from './single-flight';

describe('SingleFlight', () => {
  it('shares one run per key while it is in progress, and releases the key when it settles', async () => {
    const flights = new SingleFlight();
    let runs = 0;
    const work = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return runs;
    };
    const results = await Promise.all([flights.run('a', work), flights.run('a', work), flights.run('b', work)]);
    expect(runs).toBe(2);
    expect(results[0]).toBe(results[1]);
    expect(flights.size).toBe(0);
    await flights.run('a', work);
    expect(runs).toBe(3);
  });

  it('gives a failure to every waiter of that flight and forgets it', async () => {
    const flights = new SingleFlight();
    let runs = 0;
    const failing = async () => {
      runs += 1;
      throw new Error(`boom ${runs}`);
    };
    const settled = await Promise.allSettled([flights.run('k', failing), flights.run('k', failing)]);
    expect(settled.map((s) => (s.status === 'rejected' ? (s.reason as Error).message : 'ok'))).toEqual(['boom 1', 'boom 1']);
    await expect(flights.run('k', async () => 'fine')).resolves.toBe('fine');
    expect(runs).toBe(1);
  });

  it('turns a synchronous throw into a rejection and releases the key', async () => {
    const flights = new SingleFlight();
    await expect(flights.run('s', () => { throw new Error('sync'); })).rejects.toThrow('sync');
    expect(flights.size).toBe(0);
  });
});
