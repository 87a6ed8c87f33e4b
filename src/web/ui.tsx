// The page's small parts: form fields that show their own error next to them, alerts, tags, tables, loading data
// and running an action on it. Every piece of data is rendered as text (Preact escapes it), so what people typed is
// shown as typed.
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, download, SignedOut } from './api';

export function announce(message: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = message;
}

/** Loads data for a view; `reload` fetches again (after an action, say). */
export function useData<T>(
  load: () => Promise<T>,
  deps: unknown[],
): {
  data?: T;
  error?: unknown;
  reload: () => Promise<void>;
  set: (data: T) => void;
} {
  const [state, setState] = useState<{ data?: T; error?: unknown }>({});
  const reload = useCallback(async () => {
    try {
      setState({ data: await load() });
    } catch (error) {
      if (error instanceof SignedOut) throw error;
      setState({ error });
    }
  }, deps);
  useEffect(() => {
    setState({});
    reload().catch((error) => window.dispatchEvent(new CustomEvent('signed-out', { detail: error })));
  }, [reload]);
  return { ...state, reload, set: (data: T) => setState({ data }) };
}

export function Loading({ what }: { what: string }) {
  return <p class="muted">Loading {what}…</p>;
}

export function Failed({ error }: { error: unknown }) {
  return (
    <p class="error" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}

/** What a form's submission answered, when it is not about one field: a refusal (409, 422) says why in words. */
export function FormAlert({
  error,
  fields = [],
  marked = 'below',
}: {
  error?: unknown;
  fields?: string[];
  /** Where the fields are from the alert. */
  marked?: 'above' | 'below';
}) {
  if (!error) return null;
  if (error instanceof ApiError) {
    // Problems shown next to their field are not repeated here.
    const nearby = (field: string) => fields.some((f) => field === f || field.startsWith(`${f}.`));
    const elsewhere = error.problems.filter((p) => !nearby(p.field));
    if (error.status === 400 && error.problems.length && !elsewhere.length)
      return (
        <p class="error" role="alert">
          Check the fields marked {marked}.
        </p>
      );
    const lead =
      error.status === 409
        ? 'Not done: '
        : error.status === 422
          ? 'Not done, against the program’s rules: '
          : error.status === 403
            ? 'Not allowed: '
            : error.status === 503
              ? 'Not available right now: '
              : '';
    return (
      <p class="error" role="alert">
        {lead}
        {elsewhere.length ? elsewhere.map((p) => `${p.field} ${p.reason}`).join('; ') : error.message}
      </p>
    );
  }
  return <Failed error={error} />;
}

/**
 * Runs one action on the data a view shows (a button's click): one at a time (`busy`), then says it was done and
 * reloads, or keeps what went wrong for a `FormAlert` (`failure`), also said aloud with `announceFailure`.
 */
export function useAction(
  reload: () => Promise<void>,
  { announceFailure = false }: { announceFailure?: boolean } = {},
): {
  busy: boolean;
  failure: unknown;
  run: (what: () => Promise<unknown>, said: string) => Promise<void>;
} {
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async (what: () => Promise<unknown>, said: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await what();
      announce(said);
      await reload();
    } catch (e) {
      setFailure(e);
      if (announceFailure) announce(`Not done: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}

let nextId = 0;
export function useFieldId(name: string): string {
  const [id] = useState(() => `f-${name.replace(/[^\w-]/g, '-')}-${++nextId}`);
  return id;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => JSX.Element;
  name: string;
}

/** A labelled control with its hint and, when the API named it, its error right below it. */
export function Field({ label, error, hint, children, name }: FieldProps) {
  const id = useFieldId(name);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      <FieldNote field={id} kind="hint" text={hint} />
      {children({
        id,
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      <FieldNote field={id} kind="error" text={error} />
    </div>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  name,
  error,
}: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
  name: string;
  error?: string;
}) {
  const id = useFieldId(name);
  return (
    <div class={`field check${error ? ' invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(e) => onChange((e.target as HTMLInputElement).checked)}
        {...(error ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {})}
      />
      <label for={id}>{label}</label>
      <FieldNote field={id} kind="error" text={error} />
    </div>
  );
}

/** A field's hint or error, with the id (`<field>-hint`, `<field>-error`) its control's aria-describedby names. */
function FieldNote({ field, kind, text }: { field: string; kind: 'hint' | 'error'; text?: string }) {
  if (!text) return null;
  return (
    <p class={kind === 'hint' ? 'hint' : 'field-error'} id={`${field}-${kind}`}>
      {text}
    </p>
  );
}

export const inputValue = (e: Event) => (e.target as HTMLInputElement).value;

export function Tag({ tone, children }: { tone?: 'risk' | 'warn' | 'ok'; children: ComponentChildren }) {
  return <span class={`tag${tone ? ` ${tone}` : ''}`}>{children}</span>;
}

export function Kpi({ name, value, id, tone }: { name: string; value: string; id: string; tone?: string }) {
  return (
    <div class={`kpi${tone ? ` ${tone}` : ''}`} data-kpi={id}>
      <span class="value">{value}</span>
      <span class="name">{name}</span>
    </div>
  );
}

export interface Column<T> {
  name: string;
  num?: boolean;
  cell: (row: T) => ComponentChildren;
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  testid?: string;
  empty?: string;
}

export function DataTable<T>({ caption, columns, rows, testid, empty = 'None.' }: DataTableProps<T>) {
  return (
    // A region that may scroll sideways on a phone: focusable, so a keyboard can scroll it too.
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table data-table={testid}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.num ? 'num' : undefined}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length ? (
            rows.map((row) => (
              <tr>
                {columns.map((c) => (
                  <td class={c.num ? 'num' : undefined}>{c.cell(row)}</td>
                ))}
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={columns.length} class="muted">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** A table under its own heading; with `hideWhenEmpty`, neither shows while there are no rows. */
export function TableSection<T>({
  heading,
  hideWhenEmpty = false,
  ...table
}: DataTableProps<T> & { heading: string; hideWhenEmpty?: boolean }) {
  if (hideWhenEmpty && !table.rows.length) return null;
  return (
    <>
      <h2>{heading}</h2>
      <DataTable {...table} />
    </>
  );
}

export const number = (value: number) => new Intl.NumberFormat().format(value);
export const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
/** Minor units (cents) as money: `12.34 USD`. */
export const money = (minor: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(minor / 100);

/** Downloads what `path` answers (with the session's token) as a file named `name`. */
export async function saveFile(path: string, name: string): Promise<void> {
  const blob = await download(path);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}
