// Form fields for the back-office forms of sections, keywords, glossary, authors, documents and settings:
// each shows its label, hint and error, and the value the person typed, so that a refused form comes
// back as it was sent, with the problem next to the field.
import type { Child, FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { Notice } from './layout.tsx';
import type { FormState } from '../../web/form-action.ts';

export type { FormState };

export function value(state: FormState, name: string): string {
  const v = state.values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function values(state: FormState, name: string): string[] {
  const v = state.values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export const FormErrors: FC<{ state: FormState }> = ({ state }) =>
  state.message ? <Notice kind="error">{t('admin.form.hasErrors', { message: state.message })}</Notice> : null;

/** The ids of a field's hint and error, for aria-describedby. */
function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-aide` : '', error ? `${id}-erreur` : ''].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and error, under its label, with the ids describedBy points at. */
const FieldNotes: FC<{ id: string; hint: string | undefined; error: string | undefined }> = ({ id, hint, error }) => (
  <>
    {hint ? (
      <p class="hint" id={`${id}-aide`}>
        {hint}
      </p>
    ) : null}
    {error ? (
      <p class="error" id={`${id}-erreur`}>
        {error}
      </p>
    ) : null}
  </>
);

interface FieldProps {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'url' | 'password' | 'number' | 'search';
  /** Rows of a textarea; absent: a one-line input. */
  rows?: number;
  autocomplete?: string;
}

export const Field: FC<FieldProps> = ({ name, label, state, hint, required, type = 'text', rows, autocomplete }) => {
  const id = `champ-${name}`;
  const error = state.errors?.[name];
  const described = describedBy(id, hint, error);
  const common = {
    id,
    name,
    required: required || undefined,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': described,
  };
  return (
    <div class="field">
      <label for={id}>
        {label}
        {required ? <span class="visually-hidden"> {t('admin.form.required')}</span> : null}
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
      {rows ? <textarea {...common} rows={rows}>{value(state, name)}</textarea> : <input {...common} type={type} value={type === 'password' ? '' : value(state, name)} autocomplete={autocomplete} />}
    </div>
  );
};

export const SelectField: FC<{ name: string; label: string; state: FormState; options: { value: string; label: string }[]; hint?: string; multiple?: boolean; size?: number }> = ({
  name,
  label,
  state,
  options,
  hint,
  multiple,
  size,
}) => {
  const id = `champ-${name}`;
  const error = state.errors?.[name];
  const chosen = new Set(values(state, name));
  const described = describedBy(id, hint, error);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <FieldNotes id={id} hint={hint} error={error} />
      <select id={id} name={name} multiple={multiple || undefined} size={size} aria-invalid={error ? 'true' : undefined} aria-describedby={described}>
        {options.map((o) => (
          <option value={o.value} selected={chosen.has(o.value) || undefined}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
};

export const CheckField: FC<{ name: string; label: string; state: FormState; value?: string; error?: string }> = ({ name, label, state, value: own = '1' }) => {
  const id = `champ-${name}-${own}`;
  return (
    <p class="check">
      <input type="checkbox" id={id} name={name} value={own} checked={values(state, name).includes(own) || undefined} /> <label for={id}>{label}</label>
    </p>
  );
};

/** A page's success message, carried by ?fait= after a redirect. */
export const Done: FC<{ message?: string | undefined; children?: Child }> = ({ message }) => (message ? <Notice>{message}</Notice> : null);
