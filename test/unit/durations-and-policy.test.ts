import { addDuration, parseDuration } from '../../src/domain/durations';
import { mergePolicy, policyPresets, policyProblems, programKinds } from '../../src/domain/policy';

describe('durations', () => {
  it.each([
    ['7 days', 7 * 86_400_000],
    ['36 hours', 36 * 3_600_000],
    ['2 seconds', 2_000],
    ['1.5h', 5_400_000],
    ['500 ms', 500],
    ['2 weeks', 14 * 86_400_000],
    ['  3 Minutes ', 180_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '7', 'days', 'seven days', '7 fortnights', '-1 day', 7])('%p is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('adds durations to instants', () => {
    expect(addDuration('2026-01-01T00:00:00.000Z', '36 hours')).toBe('2026-01-02T12:00:00.000Z');
    expect(addDuration('2026-01-01T00:00:00.000Z', '7 days', 2)).toBe('2026-01-15T00:00:00.000Z');
  });
});

describe('policy', () => {
  it.each(programKinds)('the %s preset is valid', (kind) => {
    expect(policyProblems(policyPresets[kind])).toEqual([]);
  });

  it('merges a partial change into a preset, stage SLAs field by field', () => {
    const merged = mergePolicy(policyPresets.member_organizer, {
      debriefEvery: '14 days',
      stageSla: { screening: '3 days' },
    });
    expect(merged.debriefEvery).toBe('14 days');
    expect(merged.stageSla).toEqual({
      applied: '7 days',
      screening: '3 days',
      role_play: '7 days',
      training: '21 days',
      ride_along: '21 days',
    });
    expect(merged.requiredTrainings).toEqual(policyPresets.member_organizer.requiredTrainings);
  });

  it('names every offending field', () => {
    const policy = mergePolicy(policyPresets.member_organizer, {
      debriefEvery: 'weekly',
      debriefGrace: '0 seconds',
      termLength: '20 years',
      stageSla: { applied: 'soon' },
      requiredTrainings: ['orientation', 'Orientation'],
      initialRideAlongs: 5,
      atRiskAfterMissed: 0,
      hoursPerWeek: -1,
      requiredAttestations: ['currentMember', 'astrology' as never],
    });
    expect(policyProblems(policy).map((p) => p.field)).toEqual([
      'policy.hoursPerWeek',
      'policy.requiredAttestations',
      'policy.stageSla.applied',
      'policy.debriefEvery',
      'policy.debriefGrace',
      'policy.termLength',
      'policy.requiredTrainings',
      'policy.initialRideAlongs',
      'policy.atRiskAfterMissed',
    ]);
  });

  it.each([[[]], [[' orientation']], [['a', 'A']]])('refuses required trainings %p', (requiredTrainings) => {
    const problems = policyProblems(mergePolicy(policyPresets.member_organizer, { requiredTrainings }));
    expect(problems.map((p) => p.field)).toEqual(['policy.requiredTrainings']);
  });
});
