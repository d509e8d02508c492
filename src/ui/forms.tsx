// Form pieces following the GOV.UK Design System's patterns: a label or legend per field,
// hint text under it, the error at the field and in a summary at the top that links to it.
import type { ComponentChildren } from 'preact';
import type { Messages } from '../i18n/messages.ts';

export type FieldErrors = Record<string, string>;

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** Lists every error with a link to its field; focus moves here after a failed submit. */
export function ErrorSummary({ m, errors }: { m: Messages; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
      <h2 id="error-summary-title">{m.common.errorSummaryTitle}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function FieldError({ m, id, message }: { m: Messages; id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      <span class="visually-hidden">{m.common.errorPrefix} </span>
      {message}
    </p>
  );
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

interface TextFieldProps {
  m: Messages;
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string | number | null;
  type?: 'text' | 'email' | 'password' | 'number';
  autocomplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text' | 'email';
  width?: 'short' | 'medium' | 'full';
}

/** Label, hint and error around one control, with the error styling on the whole field. */
function FieldFrame({ m, id, label, hint, error, children }: { m: Messages; id: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' field-has-error' : ''}`}>
      <label for={id} class="label">
        {label}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError m={m} id={id} message={error} />
      {children}
    </div>
  );
}

export function TextField(props: TextFieldProps) {
  const { m, id, label, hint, error } = props;
  return (
    <FieldFrame m={m} id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={props.name ?? id}
        type={props.type ?? 'text'}
        class={`input input-${props.width ?? 'full'}`}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required}
        inputMode={props.inputMode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: { m: Messages; id: string; label: string; hint?: string; error?: string | undefined; value: string; rows?: number }) {
  const { m, id, label, hint, error } = props;
  return (
    <FieldFrame m={m} id={id} label={label} hint={hint} error={error}>
      <textarea class="textarea" id={id} name={id} rows={props.rows ?? 4} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)}>
        {props.value}
      </textarea>
    </FieldFrame>
  );
}

interface SelectFieldProps {
  m: Messages;
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string | null;
  options: Array<{ value: string; label: string }>;
}

export function SelectField(props: SelectFieldProps) {
  const { m, id, label, hint, error } = props;
  return (
    <FieldFrame m={m} id={id} label={label} hint={hint} error={error}>
      <select id={id} name={props.name ?? id} class="select" aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)}>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === (props.value ?? '')}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxesProps {
  m: Messages;
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: Array<{ value: string; label: string; hint?: string }>;
  checked: string[];
}

export function Checkboxes(props: CheckboxesProps) {
  const { m, id, legend, hint, error } = props;
  return (
    <div class={`field${error ? ' field-has-error' : ''}`}>
      <fieldset class="fieldset" id={id} aria-describedby={describedBy(id, hint, error)}>
        <legend class="legend">{legend}</legend>
        {hint ? (
          <p class="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        <FieldError m={m} id={id} message={error} />
        {props.options.map((option, index) => (
          <div class="choice">
            <input
              type="checkbox"
              id={`${id}-${index}`}
              name={props.name}
              value={option.value}
              checked={props.checked.includes(option.value)}
              aria-describedby={option.hint ? `${id}-${index}-hint` : undefined}
            />
            <label for={`${id}-${index}`}>{option.label}</label>
            {option.hint ? (
              <p class="hint choice-hint" id={`${id}-${index}-hint`}>
                {option.hint}
              </p>
            ) : null}
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function Button({ children, variant = 'primary', name, value }: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'warning'; name?: string; value?: string }) {
  return (
    <button type="submit" class={`button button-${variant}`} name={name} value={value}>
      {children}
    </button>
  );
}
