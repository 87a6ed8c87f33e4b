// The fourth rules: the ride-along window counts the program's local days. Hired of an evening in Chicago (after
// midnight UTC), the ride-alongs done that same local day count; under the third rules they fell before the hire.
import { rideAlongForecast } from '../../src/domain/lifecycle/figures';
import { currentRules } from '../../src/domain/organizer';
import { aPolicy } from '../support/builders';
import { day, organizerIn } from '../support/organizer-states';

const zone = 'America/Chicago';
// 19:30 in Chicago on 5 December 2026: already 6 December in UTC.
const evening = Date.parse('2026-12-06T01:30:00Z');
const policy = aPolicy({ requiredRideAlongs: 4, initialRideAlongs: 2, rideAlongWindow: '120 days' });

describe('the fourth rules', () => {
  it('is what new organizers follow', () => {
    expect(currentRules).toBeGreaterThanOrEqual(4);
  });

  it.each([
    [4, 2],
    [3, 0],
  ])('under rules %i counts %i ride-alongs done on the local day of an evening hire', (rules, counted) => {
    const organizer = organizerIn('active', policy, { rules, timezone: zone, at: evening });
    expect(organizer.state.rideAlongs.map((r) => r.date)).toEqual(['2026-12-05', '2026-12-05']);
    expect(rideAlongForecast(organizer.state, organizer.now + day).counted).toBe(counted);
  });
});
