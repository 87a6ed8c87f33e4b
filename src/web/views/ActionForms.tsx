// The form of one action, opened from the person panel's button named by the action. Its fields are the ones the
// API answers for this record (the detail's actionForms, drawn from the action's definition), drawn by the same
// renderer as the phone pages. A 400 shows next to the field it names; a refusal (409, 422) says why above the button.
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../api';
import type { ActionFormDto, OrganizerDetailDto } from '../api-types';
import { bodyOf, fieldNames, FormFields, initialValues, useFocusOnProblem, type Values } from '../form';
import { announce, FormAlert } from '../ui';

/** The form of one action; on success the panel shows the answer (the organizer as they are now). */
export function ActionForm({
  form,
  organizer,
  onDone,
  onCancel,
}: {
  form: ActionFormDto;
  organizer: OrganizerDetailDto;
  onDone: (detail: OrganizerDetailDto) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Values>(() => initialValues(form.fields));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useFocusOnProblem(error);
  useEffect(() => heading.current?.focus(), [form.action]);
  const { label } = form;
  return (
    <form
      ref={formRef}
      class="card action-form"
      aria-labelledby="action-heading"
      data-action-form={form.action}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(undefined);
        try {
          const detail = await send<OrganizerDetailDto>(
            'POST',
            `/api/organizers/${organizer.id}/${form.action}`,
            bodyOf(form.fields, values, organizer.timezone),
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
      <FormAlert error={error} fields={fieldNames(form.fields)} />
      <FormFields
        fields={form.fields}
        values={values}
        set={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        error={error}
        timeZone={organizer.timezone}
      />
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
