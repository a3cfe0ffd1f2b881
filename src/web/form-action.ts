// The round trip of every form that creates or changes something: read the fields, run the operation, then
// answer 303 to the saved object (its page shows "?fait=…"), or show the refused form again as it was typed,
// with the operation's message and its per-field errors. Only errors meant for people come back as a form:
// a refused permission, a stale CSRF token or a failure of ours goes on to the error handler.
import type { Context } from 'hono';
import { isTisseError } from '../kernel/errors.ts';
import { formFields, type FormFields } from './request.ts';

// Forms are read strictly by web/request.ts (UTF-8, no NUL): re-exported here, where the routes look for them.
export { formFields, type FormFields };

/** What a form shows: values (as typed, or from the database), per-field errors and a general message. */
export interface FormState {
  values: FormFields;
  errors?: Record<string, string> | undefined;
  message?: string | undefined;
}

export function field(fields: FormFields, name: string): string {
  const value = fields[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

export function fieldList(fields: FormFields, name: string): string[] {
  const value = fields[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The form as sent, with the operation's error; rethrows anything that is not a TisseError meant for people. */
export function refusedForm(values: FormFields, error: unknown): FormState & { status: number } {
  if (!isTisseError(error) || error.status >= 500 || error.code === 'FORBIDDEN' || error.code === 'CSRF') throw error;
  return { values, errors: error.fields ?? {}, message: error.message, status: error.status };
}

export interface FormAction<T> {
  /** The operation, given the fields as sent. */
  run(fields: FormFields): Promise<T>;
  /** Where to go once it succeeded (with its ?fait= message). */
  then(result: T): string;
  /** The page showing the refused form again, answered with the error's status. */
  refused(state: FormState, status: number): Promise<Response>;
}

export async function submitForm<T>(c: Context, action: FormAction<T>): Promise<Response> {
  const fields = await formFields(c);
  let result: T;
  try {
    result = await action.run(fields);
  } catch (error) {
    const state = refusedForm(fields, error);
    return action.refused(state, state.status);
  }
  return c.redirect(action.then(result), 303);
}
