import { describe, expect, it } from 'vitest';
import { streaks } from './progress-summary';

const today = new Date('2026-12-03T10:00:00Z');

describe('streaks', () => {
  it('counts consecutive days ending today', () => {
    expect(streaks(['2026-12-01', '2026-12-02', '2026-12-03'], today)).toEqual({ current: 3, longest: 3 });
  });

  it('keeps a streak alive that ended yesterday', () => {
    expect(streaks(['2026-12-01', '2026-12-02'], today)).toEqual({ current: 2, longest: 2 });
  });

  it('resets after a missed day but remembers the longest run', () => {
    expect(streaks(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-12-01'], today)).toEqual({ current: 0, longest: 4 });
  });

  it('ignores duplicates and order, and is zero without activity', () => {
    expect(streaks(['2026-12-03', '2026-12-02', '2026-12-03'], today)).toEqual({ current: 2, longest: 2 });
    expect(streaks([], today)).toEqual({ current: 0, longest: 0 });
  });

  it('crosses month and year boundaries', () => {
    expect(streaks(['2026-12-31', '2027-01-01'], new Date('2027-01-01T23:59:00Z'))).toEqual({ current: 2, longest: 2 });
  });
});
