/**
 * Keyed single-flight: while a call for a key is in progress, further calls for the same key
 * get the same promise instead of starting the work again. The key is released when the work settles,
 * so a failure is shared by the waiters of that flight but never remembered.
 */
export class SingleFlight {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.inFlight.get(key);
    if (existing !== undefined) return existing as Promise<T>;
    const flight = Promise.resolve()
      .then(work)
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, flight);
    return flight;
  }

  /** How many keys have work in progress. */
  get size(): number {
    return this.inFlight.size;
  }
}
