// One form per action, each opened from the person panel's button named by the action. What the form offers comes
// from the API: the program's rubric and trainings, the organizer's open debrief periods. A 400 shows next to the
// field it names; a refusal (409, 422) says why above the button.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, send } from '../api';
import type { OrganizerDetailDto, ProgramDto } from '../api-types';
import { period, today, zonedInstant, zonedLocal } from '../time';
import { hoursCompared } from './Pay';
import { announce, CheckField, Field, FormAlert, inputValue } from '../ui';
import { vocabulary } from '../vocabulary';

type Values = Record<string, string | boolean>;
type Setter = (name: string, value: string | boolean) => void;

interface Spec {
  initial: (o: OrganizerDetailDto, program?: ProgramDto) => Values;
  fields: (props: FieldsProps) => JSX.Element;
  body: (values: Values, o: OrganizerDetailDto, program?: ProgramDto) => Record<string, unknown>;
  /** Names of the body's fields, for errors shown next to them. */
  names: string[];
}

interface FieldsProps {
  values: Values;
  set: Setter;
  problem: (field: string) => string | undefined;
  organizer: OrganizerDetailDto;
  program?: ProgramDto;
}

/** What a work plan sets targets for, as the debrief form asks them. */
const planCounts = [
  { name: 'hours', label: 'hours' },
  { name: 'conversations', label: 'conversations' },
  { name: 'oneOnOnes', label: 'one-on-ones' },
  { name: 'leadersIdentified', label: 'leaders identified' },
];

const text = (values: Values, name: string) => String(values[name] ?? '');
const optional = (name: string, value: string) => (value.trim() ? { [name]: value.trim() } : {});

/** The debrief period an action is for, among those not yet reported (none shown when there is none). */
function PeriodField({ props }: { props: FieldsProps }) {
  if (!props.organizer.pendingDebriefPeriods.length) return null;
  return (
    <Field name="periodStart" label="Period" error={props.problem('periodStart')}>
      {(p) => (
        <select
          {...p}
          value={text(props.values, 'periodStart')}
          onChange={(e) => props.set('periodStart', inputValue(e))}
        >
          {props.organizer.pendingDebriefPeriods.map((pending) => (
            <option value={pending.start}>
              {period({ periodStart: pending.start, periodEnd: pending.end }, tz(props.organizer))}
              {pending.overdue ? ' (overdue)' : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A time sheet offers this many rows of a day, its hours and the kind of work (rows left empty are not sent). */
const timesheetRows = [0, 1, 2, 3, 4, 5, 6];

/** Pay periods still taking a time sheet, oldest first. */
function openPayPeriods(o: OrganizerDetailDto) {
  return o.payPeriods.filter((p) => p.status === 'open' || p.status === 'submitted').reverse();
}

/** A time sheet row's field answers to its place in the body (`entries.2.hours`) for errors. */
function entryProps(props: FieldsProps, row: number, field: string): FieldsProps {
  return { ...props, problem: () => props.problem(`entries.${row}.${field}`) };
}

/** A choice of pay period; `compared`: the chosen one's time sheet hours beside its debriefs' (for approval). */
function PayPeriodField({
  props,
  periods,
  compared = false,
}: {
  props: FieldsProps;
  periods: OrganizerDetailDto['payPeriods'];
  compared?: boolean;
}) {
  const chosen = periods.find((p) => p.periodStart === text(props.values, 'periodStart'));
  return (
    <>
      <Field name="periodStart" label="Pay period" error={props.problem('periodStart')}>
        {(p) => (
          <select
            {...p}
            value={text(props.values, 'periodStart')}
            onChange={(e) => props.set('periodStart', inputValue(e))}
          >
            {periods.map((choice) => (
              <option value={choice.periodStart}>
                {period(choice, tz(props.organizer))} (
                {choice.status === 'submitted' ? 'time sheet in' : 'no time sheet yet'})
              </option>
            ))}
          </select>
        )}
      </Field>
      {compared && chosen ? (
        <p class="hint" data-hours-compared>
          {hoursCompared(chosen).text}
        </p>
      ) : null}
    </>
  );
}

function TextInput({
  name,
  label,
  props: { values, set, problem },
  type = 'text',
  required = false,
  hint,
  step,
}: {
  name: string;
  label: string;
  props: FieldsProps;
  type?: string;
  required?: boolean;
  hint?: string;
  step?: string;
}) {
  return (
    <Field name={name} label={label} error={problem(name)} hint={hint}>
      {(p) => (
        <input
          {...p}
          name={name}
          type={type as 'text'}
          step={step}
          required={required}
          value={text(values, name)}
          onInput={(e) => set(name, inputValue(e))}
        />
      )}
    </Field>
  );
}

function Notes({
  props,
  name = 'notes',
  label = 'Notes (optional)',
}: {
  props: FieldsProps;
  name?: string;
  label?: string;
}) {
  return (
    <Field name={name} label={label} error={props.problem(name)}>
      {(p) => (
        <textarea {...p} name={name} value={text(props.values, name)} onInput={(e) => props.set(name, inputValue(e))} />
      )}
    </Field>
  );
}

function Check({ name, label, props }: { name: string; label: string; props: FieldsProps }) {
  return (
    <CheckField
      name={name}
      label={label}
      checked={props.values[name] === true}
      onChange={(value) => props.set(name, value)}
      error={props.problem(name)}
    />
  );
}

const reason = (required: boolean): Spec => ({
  initial: () => ({ reason: '' }),
  names: ['reason'],
  fields: (props) => (
    <TextInput name="reason" label={required ? 'Reason' : 'Reason (optional)'} props={props} required={required} />
  ),
  body: (v) => (required ? { reason: text(v, 'reason') } : optional('reason', text(v, 'reason'))),
});

const tz = (o: OrganizerDetailDto) => o.timezone;

export const actionForms: Record<string, Spec> = {
  'schedule-screening': {
    initial: (o) => ({ at: zonedLocal(new Date(Date.now() + 7 * 86_400_000).toISOString(), tz(o)), location: '' }),
    names: ['at', 'location'],
    fields: (props) => (
      <>
        <TextInput name="at" label={`When (${tz(props.organizer)})`} type="datetime-local" required props={props} />
        <TextInput name="location" label="Where" required props={props} />
      </>
    ),
    body: (v, o) => ({ at: zonedInstant(text(v, 'at'), tz(o)), location: text(v, 'location') }),
  },
  'record-screening': {
    initial: () => ({ attended: true, advance: true, notes: '' }),
    names: ['attended', 'advance', 'notes'],
    fields: (props) => (
      <>
        <Check name="attended" label="Came to the screening" props={props} />
        <Check name="advance" label="Goes on to the role-play" props={props} />
        <Notes props={props} />
      </>
    ),
    body: (v) => ({
      attended: v.attended === true,
      advance: v.attended === true && v.advance === true,
      ...optional('notes', text(v, 'notes')),
    }),
  },
  'record-role-play': {
    initial: (_o, program) => ({
      decision: 'offer',
      hoursPerWeek: String(program?.policy.hoursPerWeek ?? 10),
      startDate: today(program?.timezone ?? 'UTC'),
      stipend: '',
      notes: '',
      ...Object.fromEntries((program?.policy.rolePlayRubric ?? []).map((c) => [`score:${c}`, ''])),
    }),
    names: ['scores', 'decision', 'offer', 'offer.hoursPerWeek', 'offer.startDate', 'offer.stipend', 'notes'],
    fields: (props) => {
      const rubric = props.program?.policy.rolePlayRubric ?? [];
      return (
        <>
          <fieldset>
            <legend>Scores, 1 (weak) to 5 (strong)</legend>
            {rubric.map((criterion) => (
              <Field name={`score:${criterion}`} label={criterion} error={props.problem(`scores.${criterion}`)}>
                {(p) => (
                  <select
                    {...p}
                    required
                    value={text(props.values, `score:${criterion}`)}
                    onChange={(e) => props.set(`score:${criterion}`, inputValue(e))}
                  >
                    <option value="">Choose a score</option>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option value={String(n)}>{n}</option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
            {props.problem('scores') ? <p class="field-error">{props.problem('scores')}</p> : null}
          </fieldset>
          <Field name="decision" label="Decision" error={props.problem('decision')}>
            {(p) => (
              <select
                {...p}
                value={text(props.values, 'decision')}
                onChange={(e) => props.set('decision', inputValue(e))}
              >
                <option value="offer">Make an offer</option>
                <option value="reject">Not selected</option>
              </select>
            )}
          </Field>
          {props.values.decision === 'offer' ? (
            <fieldset>
              <legend>The offer</legend>
              <TextInput
                name="hoursPerWeek"
                label="Hours a week"
                type="number"
                step="0.25"
                required
                props={{ ...props, problem: (f) => props.problem(`offer.${f}`) }}
              />
              <TextInput
                name="startDate"
                label="Start date"
                type="date"
                required
                props={{ ...props, problem: (f) => props.problem(`offer.${f}`) }}
              />
              <TextInput
                name="stipend"
                label="Stipend (optional)"
                type="number"
                props={{ ...props, problem: (f) => props.problem(`offer.${f}`) }}
              />
            </fieldset>
          ) : null}
          <Notes props={props} />
        </>
      );
    },
    body: (v, _o, program) => ({
      scores: Object.fromEntries((program?.policy.rolePlayRubric ?? []).map((c) => [c, Number(text(v, `score:${c}`))])),
      decision: text(v, 'decision'),
      ...(v.decision === 'offer'
        ? {
            offer: {
              hoursPerWeek: Number(text(v, 'hoursPerWeek')),
              startDate: text(v, 'startDate'),
              ...(text(v, 'stipend') ? { stipend: Number(text(v, 'stipend')) } : {}),
            },
          }
        : {}),
      ...optional('notes', text(v, 'notes')),
    }),
  },
  'respond-offer': {
    initial: () => ({ accepted: 'yes' }),
    names: ['accepted'],
    fields: (props) => (
      <fieldset>
        <legend>The applicant's answer</legend>
        {[
          ['yes', 'Accepts the offer'],
          ['no', 'Declines the offer'],
        ].map(([value, label]) => (
          <div class="field check">
            <input
              type="radio"
              id={`accepted-${value}`}
              name="accepted"
              value={value}
              checked={props.values.accepted === value}
              onChange={() => props.set('accepted', value)}
            />
            <label for={`accepted-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
    ),
    body: (v) => ({ accepted: v.accepted === 'yes' }),
  },
  'record-training': {
    initial: (o, program) => ({
      training: (program?.policy.requiredTrainings ?? []).find((t) => !o.trainings.some((d) => d.training === t)) ?? '',
      completedAt: today(tz(o)),
    }),
    names: ['training', 'completedAt'],
    fields: (props) => (
      <>
        <Field name="training" label="Training" error={props.problem('training')}>
          {(p) => (
            <select
              {...p}
              required
              value={text(props.values, 'training')}
              onChange={(e) => props.set('training', inputValue(e))}
            >
              {(props.program?.policy.requiredTrainings ?? [])
                .filter((t) => !props.organizer.trainings.some((d) => d.training === t))
                .map((t) => (
                  <option value={t}>{t}</option>
                ))}
            </select>
          )}
        </Field>
        <TextInput name="completedAt" label="Completed on" type="date" required props={props} />
      </>
    ),
    // Noon on that day where the program is: the day stays the day people meant, whatever their browser's zone.
    body: (v, o) => ({
      training: text(v, 'training'),
      completedAt: zonedInstant(`${text(v, 'completedAt')}T12:00`, tz(o)),
    }),
  },
  'record-ride-along': {
    initial: (o) => ({ date: today(tz(o)), staff: '', notes: '' }),
    names: ['date', 'staff', 'notes'],
    fields: (props) => (
      <>
        <TextInput name="date" label="Date" type="date" required props={props} />
        <TextInput name="staff" label="With (staff)" required props={props} />
        <Notes props={props} />
      </>
    ),
    body: (v) => ({ date: text(v, 'date'), staff: text(v, 'staff'), ...optional('notes', text(v, 'notes')) }),
  },
  'submit-debrief': {
    initial: (o) => ({
      periodStart: o.pendingDebriefPeriods[0]?.start ?? '',
      hours: '',
      conversations: '',
      oneOnOnes: '',
      leadersIdentified: '',
      inPerson: false,
      group: false,
      notes: '',
    }),
    names: ['periodStart', 'hours', 'conversations', 'oneOnOnes', 'leadersIdentified', 'inPerson', 'group', 'notes'],
    fields: (props) => (
      <>
        <PeriodField props={props} />
        <TextInput name="hours" label="Hours" type="number" step="0.25" required props={props} />
        <TextInput name="conversations" label="Conversations" type="number" required props={props} />
        <TextInput name="oneOnOnes" label="One-on-ones" type="number" required props={props} />
        <TextInput name="leadersIdentified" label="Leaders identified" type="number" required props={props} />
        <Check name="inPerson" label="Held in person" props={props} />
        <Check name="group" label="Held as a group debrief" props={props} />
        {(props.program?.policy.debriefMetrics ?? []).map((m) => (
          <TextInput
            name={`metric:${m}`}
            label={m.charAt(0).toUpperCase() + m.slice(1)}
            type="number"
            required
            props={props}
          />
        ))}
        <Notes props={props} />
      </>
    ),
    body: (v, _o, program) => ({
      ...(text(v, 'periodStart') ? { periodStart: text(v, 'periodStart') } : {}),
      hours: Number(text(v, 'hours')),
      conversations: Number(text(v, 'conversations')),
      oneOnOnes: Number(text(v, 'oneOnOnes')),
      leadersIdentified: Number(text(v, 'leadersIdentified')),
      inPerson: v.inPerson === true,
      group: v.group === true,
      ...optional('notes', text(v, 'notes')),
      ...(program?.policy.debriefMetrics?.length
        ? {
            metrics: Object.fromEntries(program.policy.debriefMetrics.map((m) => [m, Number(text(v, `metric:${m}`))])),
          }
        : {}),
    }),
  },
  'set-work-plan': {
    initial: (o) => ({
      // The period running now: the latest not yet reported.
      periodStart: o.pendingDebriefPeriods[o.pendingDebriefPeriods.length - 1]?.start ?? '',
      ...Object.fromEntries(planCounts.map((c) => [`target:${c.name}`, ''])),
      notes: '',
    }),
    names: ['periodStart', 'targets', 'notes'],
    fields: (props) => (
      <>
        <PeriodField props={props} />
        {[...planCounts, ...(props.program?.policy.debriefMetrics ?? []).map((m) => ({ name: m, label: m }))].map(
          (c) => (
            <TextInput
              name={`target:${c.name}`}
              label={`Target: ${c.label.charAt(0).toUpperCase()}${c.label.slice(1)} (optional)`}
              type="number"
              props={props}
            />
          ),
        )}
        <Notes props={props} />
      </>
    ),
    body: (v, _o, program) => ({
      ...(text(v, 'periodStart') ? { periodStart: text(v, 'periodStart') } : {}),
      targets: Object.fromEntries(
        [...planCounts.map((c) => c.name), ...(program?.policy.debriefMetrics ?? [])]
          .filter((name) => text(v, `target:${name}`).trim() !== '')
          .map((name) => [name, Number(text(v, `target:${name}`))]),
      ),
      ...optional('notes', text(v, 'notes')),
    }),
  },
  'submit-timesheet': {
    initial: (o) => ({
      periodStart: openPayPeriods(o)[0]?.periodStart ?? '',
      ...Object.fromEntries(
        timesheetRows.flatMap((i) => [
          [`date:${i}`, ''],
          [`hours:${i}`, ''],
          [`kind:${i}`, o.pay?.workKinds[0] ?? ''],
        ]),
      ),
      miles: '',
    }),
    names: [
      'periodStart',
      'entries',
      ...timesheetRows.flatMap((i) => [`entries.${i}.date`, `entries.${i}.hours`, `entries.${i}.kind`]),
      'miles',
      'allowances',
    ],
    fields: (props) => {
      const pay = props.organizer.pay;
      return (
        <>
          <PayPeriodField props={props} periods={openPayPeriods(props.organizer)} />
          <fieldset class="timesheet">
            <legend>Hours, by day and kind of work (quarter hours: 2.25, 2.5, 2.75)</legend>
            {timesheetRows.map((i) => (
              <div class="timesheet-row">
                <TextInput name={`date:${i}`} label={`Day ${i + 1}`} type="date" props={entryProps(props, i, 'date')} />
                <TextInput
                  name={`hours:${i}`}
                  label={`Hours, day ${i + 1}`}
                  type="number"
                  step="0.25"
                  props={entryProps(props, i, 'hours')}
                />
                <Field name={`kind:${i}`} label={`Kind, day ${i + 1}`} error={props.problem(`entries.${i}.kind`)}>
                  {(p) => (
                    <select
                      {...p}
                      value={text(props.values, `kind:${i}`)}
                      onChange={(e) => props.set(`kind:${i}`, inputValue(e))}
                    >
                      {(pay?.workKinds ?? []).map((kind) => (
                        <option value={kind}>{kind}</option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
            ))}
          </fieldset>
          {pay?.mileageRateMinor ? (
            <TextInput name="miles" label="Miles driven (optional)" type="number" step="0.1" props={props} />
          ) : null}
          {(pay?.allowances ?? []).map((a) => (
            <TextInput
              name={`allowance:${a.name}`}
              label={`${a.name.charAt(0).toUpperCase()}${a.name.slice(1)} allowance in ${pay?.currency}, up to ${(a.capMinor / 100).toFixed(2)} (optional)`}
              type="number"
              step="0.01"
              props={{ ...props, problem: () => props.problem('allowances') }}
            />
          ))}
        </>
      );
    },
    body: (v, o) => {
      const allowances = Object.fromEntries(
        (o.pay?.allowances ?? [])
          .filter((a) => text(v, `allowance:${a.name}`).trim() !== '')
          // Typed in the currency's units (25.00); the API takes whole minor units (2500).
          .map((a) => [a.name, Math.round(Number(text(v, `allowance:${a.name}`)) * 100)]),
      );
      return {
        periodStart: text(v, 'periodStart'),
        entries: timesheetRows
          .filter((i) => text(v, `hours:${i}`).trim() !== '' || text(v, `date:${i}`) !== '')
          .map((i) => ({
            date: text(v, `date:${i}`),
            hours: Number(text(v, `hours:${i}`)),
            kind: text(v, `kind:${i}`),
          })),
        ...(text(v, 'miles').trim() ? { miles: Number(text(v, 'miles')) } : {}),
        ...(Object.keys(allowances).length ? { allowances } : {}),
      };
    },
  },
  'approve-pay-period': {
    initial: (o) => ({
      periodStart: o.payPeriods.filter((p) => p.status === 'submitted').at(-1)?.periodStart ?? '',
    }),
    names: ['periodStart'],
    fields: (props) => (
      <PayPeriodField
        props={props}
        periods={props.organizer.payPeriods.filter((p) => p.status === 'submitted')}
        compared
      />
    ),
    body: (v) => ({ periodStart: text(v, 'periodStart') }),
  },
  'record-group-debrief': {
    initial: (o) => ({ heldAt: zonedLocal(new Date().toISOString(), tz(o)), location: '' }),
    names: ['heldAt', 'location'],
    fields: (props) => (
      <>
        <TextInput name="heldAt" label={`Held (${tz(props.organizer)})`} type="datetime-local" required props={props} />
        <TextInput name="location" label="Where (optional)" props={props} />
      </>
    ),
    body: (v, o) => ({ heldAt: zonedInstant(text(v, 'heldAt'), tz(o)), ...optional('location', text(v, 'location')) }),
  },
  pause: reason(false),
  resume: reason(false),
  reject: reason(true),
  withdraw: reason(true),
  terminate: reason(true),
};

/** The form of one action; on success the panel shows the answer (the organizer as they are now). */
export function ActionForm({
  action,
  organizer,
  program,
  onDone,
  onCancel,
}: {
  action: string;
  organizer: OrganizerDetailDto;
  program?: ProgramDto;
  onDone: (detail: OrganizerDetailDto) => void;
  onCancel: () => void;
}) {
  const spec = actionForms[action];
  const v = vocabulary();
  const [values, setValues] = useState<Values>(() => spec.initial(organizer, program));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [action]);
  const problem = (field: string) => (error instanceof ApiError ? error.problemFor(field) : undefined);
  const label = v.actionLabel(action);
  return (
    <form
      class="card action-form"
      aria-labelledby="action-heading"
      data-action-form={action}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(undefined);
        try {
          const detail = await send<OrganizerDetailDto>(
            'POST',
            `/api/organizers/${organizer.id}/${action}`,
            spec.body(values, organizer, program),
          );
          announce(`${label}: done`);
          onDone(detail);
        } catch (caught) {
          setError(caught);
          announce(`${label}: not done`);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3 id="action-heading" tabIndex={-1} ref={heading}>
        {label}
      </h3>
      <FormAlert error={error} fields={spec.names} />
      {spec.fields({
        values,
        set: (name, value) => setValues({ ...values, [name]: value }),
        problem,
        organizer,
        program,
      })}
      <p class="actions">
        <button type="submit" disabled={busy}>
          {label}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
