// Each action's form as the API answers it, drawn from the action's definition: every action on GET /api/stages, and
// on an organizer's detail the forms of the actions this caller may take now, filled in for that record.
import { ApiClient, Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { aFastHiringPolicy } from '../support/builders';

interface Field {
  name: string;
  label: string;
  kind: string;
  required: boolean;
  options?: string[];
  optionLabels?: string[];
  value?: unknown;
  shownWhen?: { field: string; equals: unknown };
}
interface Form {
  action: string;
  label: string;
  fields: Field[];
}

describe('action forms', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let program: Program;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram(
      aFastHiringPolicy({ rolePlayRubric: ['listening', 'agitation'], debriefMetrics: ['caucus commitments'] }),
    ));
    coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const formsOf = async (client: ApiClient, id: string) => {
    const detail = await client.ok('GET', `/api/organizers/${id}`);
    // One form for each action offered, in the same order.
    expect(detail.actionForms.map((f: Form) => f.action)).toEqual(detail.allowedActions);
    return Object.fromEntries((detail.actionForms as Form[]).map((f) => [f.action, f]));
  };

  it('lists every action on GET /api/stages with its stages, who may take it and its fields', async () => {
    const vocabulary = await coordinator.ok('GET', '/api/stages');
    const actions = vocabulary.actionLabels as {
      name: string;
      stages: string[];
      organizerMay: boolean;
      form: { fields: Field[] };
    }[];
    expect(actions.map((a) => a.name)).toEqual(vocabulary.actions);
    const reschedule = actions.find((a) => a.name === 'reschedule-screening')!;
    expect(reschedule).toMatchObject({ stages: ['screening'], organizerMay: false });
    expect(reschedule.form.fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['at', 'moment', true],
      ['location', 'line', true],
    ]);
    expect(actions.filter((a) => a.organizerMay).map((a) => a.name)).toEqual([
      'respond-screening',
      'respond-offer',
      'submit-debrief',
      'set-work-plan',
      'submit-timesheet',
      'withdraw',
    ]);
    // A group's fields are shown (and then required) only while the group is; named sets wait for a program to name them.
    const rolePlay = actions.find((a) => a.name === 'record-role-play')!;
    expect(rolePlay.form.fields.find((f) => f.name === 'offer.hoursPerWeek')).toMatchObject({
      required: true,
      shownWhen: { field: 'decision', equals: 'offer' },
    });
    expect(rolePlay.form.fields.some((f) => f.name.startsWith('scores'))).toBe(false);
  });

  it("fills a role-play's form from the program: its rubric, the policy's hours, the stipend in its currency", async () => {
    const id = (await admin.apply(program.id)).body.id as string;
    await coordinator.advanceTo(program, id, 'role_play');
    const form = (await formsOf(coordinator, id))['record-role-play'];
    expect(form.label).toBe('Record role-play');
    expect(form.fields.map((f) => f.name)).toEqual([
      'scores.listening',
      'scores.agitation',
      'decision',
      'offer.hoursPerWeek',
      'offer.startDate',
      'offer.stipendMinor',
      'notes',
    ]);
    const byName = Object.fromEntries(form.fields.map((f) => [f.name, f]));
    expect(byName['scores.listening']).toMatchObject({ kind: 'count', min: 1, max: 5, required: true });
    expect(byName.decision).toMatchObject({
      options: ['offer', 'reject'],
      optionLabels: ['Make an offer', 'Not selected'],
      value: 'offer',
    });
    expect(byName['offer.hoursPerWeek'].value).toBe(
      (program.policy as unknown as { hoursPerWeek: number }).hoursPerWeek,
    );
    expect(byName['offer.startDate']).toMatchObject({
      kind: 'day',
      value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(byName['offer.stipendMinor']).toMatchObject({ kind: 'money', label: 'Stipend a month, in USD' });

    // What the form describes, sent as a client fills it, is taken: the stipend in minor units.
    const detail = await coordinator.ok('POST', `/api/organizers/${id}/record-role-play`, {
      scores: { listening: 4, agitation: 3 },
      decision: 'offer',
      offer: { hoursPerWeek: 10, startDate: byName['offer.startDate'].value, stipendMinor: 125050 },
    });
    expect(detail.offer).toMatchObject({ stipend: 1250.5, stipendMinor: 125050, currency: 'USD' });
  });

  it("gives an organizer their own actions' forms only, each period in words", async () => {
    const id = (await admin.apply(program.id)).body.id as string;
    await coordinator.hireToActive(program, id);
    const own = admin.as((await admin.createUser('organizer', { organizerId: id })).token);
    const forms = await formsOf(own, id);
    expect(Object.keys(forms)).toEqual(['submit-debrief', 'set-work-plan', 'withdraw']);
    const period = forms['submit-debrief'].fields[0];
    expect(period).toMatchObject({ name: 'periodStart', kind: 'choice', required: false });
    expect(period.options).toHaveLength(1);
    expect(period.value).toBe(period.options![0]);
    expect(period.optionLabels![0]).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4} to [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(forms['submit-debrief'].fields.map((f) => f.name)).toContain('metrics.caucus commitments');
    expect(forms['set-work-plan'].fields.map((f) => f.name)).toEqual([
      'periodStart',
      'targets.hours',
      'targets.conversations',
      'targets.oneOnOnes',
      'targets.leadersIdentified',
      'targets.caucus commitments',
      'notes',
    ]);
    expect(forms['set-work-plan'].fields[1].label).toBe('Target: Hours worked');
    // Every target may be left empty: a plan of notes only is taken.
    const planned = await own.ok('POST', `/api/organizers/${id}/set-work-plan`, { notes: 'Lincoln Elementary' });
    expect(planned.workPlans[0]).toMatchObject({ targets: {}, notes: 'Lincoln Elementary' });

    // The coordinator is offered more on the same record, a training form only while trainings are left.
    const coordinatorForms = await formsOf(coordinator, id);
    expect(Object.keys(coordinatorForms)).toEqual(
      expect.arrayContaining(['record-ride-along', 'record-group-debrief', 'pause', 'terminate']),
    );
    expect(coordinatorForms['record-training']).toBeUndefined();
  });

  it('offers the trainings still to do, the first one chosen', async () => {
    const id = (await admin.apply(program.id)).body.id as string;
    await coordinator.advanceTo(program, id, 'training');
    const [first, ...rest] = program.policy.requiredTrainings;
    await coordinator.ok('POST', `/api/organizers/${id}/record-training`, {
      training: first,
      completedAt: new Date().toISOString(),
    });
    const training = (await formsOf(coordinator, id))['record-training'].fields;
    expect(training[0]).toMatchObject({ name: 'training', kind: 'choice', options: rest, value: rest[0] });
    expect(training[1]).toMatchObject({ name: 'completedAt', kind: 'day', sentAsInstant: true });
  });
});
