// A form the API describes (an action's on the person panel, a signed link's on a phone page): the fields, their
// labels, limits and starting values all come from the answer, so this draws any of them and writes none.
import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from './api';
import type { FormFieldDto } from './api-types';
import { zonedInstant } from './time';
import { Field, inputValue } from './ui';

export type Values = Record<string, string | boolean | undefined>;

/** What the fields hold when the form opens (numbers as the text of their input). */
export function initialValues(fields: FormFieldDto[]): Values {
  return Object.fromEntries(
    fields
      .filter((f) => f.value !== undefined)
      .map((f) => [f.name, typeof f.value === 'number' ? String(f.value) : f.value]),
  );
}

/**
 * After a refused send, the first field the API named takes the focus (and the screen scrolls to it); with none named,
 * the button that sends it again.
 */
export function useFocusOnProblem(error: unknown) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!error) return;
    const named = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset.invalid input');
    (named ?? form.current?.querySelector<HTMLElement>('button[type=submit]'))?.focus();
  }, [error]);
  return form;
}

/** Whether a field is shown (and sent) given what the others hold. */
const isShown = (field: FormFieldDto, values: Values) =>
  !field.shownWhen || values[field.shownWhen.field] === field.shownWhen.equals;

/** The names of the fields, to show an API problem next to the one it names. */
export const fieldNames = (fields: FormFieldDto[]) => fields.map((f) => f.name);

/** The fields, each with its value, hint and the API's problem with it; a time in `timeZone`, which its label names. */
export function FormFields({
  fields,
  values,
  set,
  error,
  timeZone,
}: {
  fields: FormFieldDto[];
  values: Values;
  set: (name: string, value: string | boolean) => void;
  error?: unknown;
  timeZone: string;
}) {
  const problem = (name: string) => (error instanceof ApiError ? error.problemFor(name) : undefined);
  return (
    <>
      {fields
        .filter((field) => isShown(field, values))
        .map((field) => {
          if (field.kind === 'yesno') {
            const message = problem(field.name);
            const errorId = `${field.name.replace(/[^\w-]/g, '-')}-answer-error`;
            return (
              <fieldset key={field.name} class={`choice${message ? ' invalid' : ''}`}>
                <legend>{field.label}</legend>
                {[true, false].map((answer) => (
                  <label key={String(answer)} class="option">
                    <input
                      type="radio"
                      name={field.name}
                      checked={values[field.name] === answer}
                      onChange={() => set(field.name, answer)}
                      required={field.required}
                      {...(message ? { 'aria-invalid': 'true' as const, 'aria-describedby': errorId } : {})}
                    />
                    {answer ? field.yesLabel : field.noLabel}
                  </label>
                ))}
                {message ? (
                  <p class="field-error" id={errorId}>
                    {message}
                  </p>
                ) : null}
              </fieldset>
            );
          }
          const value = (values[field.name] as string | undefined) ?? '';
          const onInput = (e: Event) => set(field.name, inputValue(e));
          return (
            <Field
              key={field.name}
              label={field.kind === 'moment' ? `${field.label} (${timeZone})` : field.label}
              name={field.name}
              error={problem(field.name)}
              hint={field.hint}
            >
              {(props) =>
                field.kind === 'choice' ? (
                  <select {...props} name={field.name} required={field.required} value={value} onChange={onInput}>
                    <option value="">{field.prompt ?? '—'}</option>
                    {(field.options ?? []).map((option, i) => (
                      <option value={option}>{field.optionLabels?.[i] ?? option}</option>
                    ))}
                  </select>
                ) : field.kind === 'text' ? (
                  <textarea
                    {...props}
                    name={field.name}
                    required={field.required}
                    rows={3}
                    maxLength={field.maxLength}
                    value={value}
                    onInput={onInput}
                  />
                ) : field.kind === 'line' ||
                  field.kind === 'languages' ||
                  field.kind === 'day' ||
                  field.kind === 'moment' ? (
                  <input
                    {...props}
                    name={field.name}
                    type={
                      (field.kind === 'day' ? 'date' : field.kind === 'moment' ? 'datetime-local' : 'text') as 'text'
                    }
                    maxLength={field.maxLength}
                    required={field.required}
                    value={value}
                    onInput={onInput}
                  />
                ) : (
                  <input
                    {...props}
                    name={field.name}
                    type="number"
                    inputMode={field.kind === 'count' ? 'numeric' : 'decimal'}
                    min={field.min}
                    max={field.max}
                    step={field.step ?? 1}
                    required={field.required}
                    value={value}
                    onInput={onInput}
                  />
                )
              }
            </Field>
          );
        })}
    </>
  );
}

/** What a dotted field name (`metrics.<name>`, `entries.0.hours`) holds in a body. */
export function valueAt(body: Record<string, unknown>, name: string): unknown {
  return name.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], body);
}

/** One value as the API takes it. */
function sentValue(field: FormFieldDto, value: string | boolean, timeZone: string): unknown {
  if (typeof value === 'boolean') return value;
  switch (field.kind) {
    case 'money':
      return Math.round(Number(value) * 100);
    case 'hours':
    case 'count':
    case 'decimal':
      return Number(value);
    case 'moment':
      return zonedInstant(value, timeZone);
    case 'day':
      // Noon that day where the program is: the day stays the day people meant, whatever their browser's zone.
      return field.sentAsInstant ? zonedInstant(`${value}T12:00`, timeZone) : value;
    case 'text':
    case 'line':
      return value.trim();
    case 'languages':
      return value
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean);
    default:
      return value;
  }
}

/**
 * The values as the API takes them: numbers as numbers, money in minor units, times as instants in the program's
 * zone, a field left empty or hidden left out; a dotted name goes inside its object (`metrics.<name>`) or list
 * (`entries.<n>.<field>`; lines left empty dropped).
 */
export function bodyOf(fields: FormFieldDto[], values: Values, timeZone: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || (typeof value === 'string' && value.trim() === '') || !isShown(field, values)) continue;
    const given = sentValue(field, value, timeZone);
    const keys = field.name.split('.');
    let at: Record<string, unknown> = body;
    keys.slice(0, -1).forEach((key, i) => {
      at[key] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
      at = at[key] as Record<string, unknown>;
    });
    at[keys[keys.length - 1]] = given;
  }
  for (const [key, value] of Object.entries(body)) if (Array.isArray(value)) body[key] = value.filter(Boolean);
  return body;
}
