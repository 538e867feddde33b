/**
 * Helpers for plain HTML forms that a server may refuse field by field: reading the submitted values, the
 * server's message with the issues not shown next to a field, aria-invalid props and messages per field,
 * focus after a refused save or a replaced button, Escape to cancel an inline form.
 */
import { type FormEvent, type KeyboardEvent, type RefObject, useEffect, useState } from 'react';
import { ApiError } from '../app/api';
import { Alert } from './Alert';
import { ErrorAlert } from './QueryState';

/** The submitted form's values. */
export const formValues = (event: FormEvent<HTMLFormElement>) => new FormData(event.currentTarget);
/** One submitted text field, trimmed ('' when absent). */
export const formText = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/**
 * A refused request: the server's message, and its field issues unless the form shows them next to
 * their fields (`shownFields`, keyed as in ApiError.fieldErrors()).
 */
export function FormError({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  if (!error) return null;
  if (error instanceof ApiError && error.issues.length > 0) {
    const shown = new Set(shownFields);
    const rest = error.issues.filter((issue) => !shown.has(issue.path.replace(/^body\./, '')));
    return (
      <Alert tone="error" title={error.message}>
        {rest.length > 0 ? (
          <ul>
            {rest.map((issue) => (
              <li key={issue.path}>{issue.message}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/** Moves focus to the element with this id after the next render (an Edit button that was replaced by its form). */
export function useFocusAfterRender() {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

/** Field messages from a server validation error, keyed by field name ("textNl", "options.0.nl"). */
export const fieldErrorsOf = (error: unknown): Record<string, string> =>
  error instanceof ApiError ? error.fieldErrors() : {};

/** After a refused save, focus goes to the first field the server named, so the message is read next to it. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, error: unknown) {
  useEffect(() => {
    if (!error) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, form]);
}

/** Props for an input with an optional server message: aria-invalid and the message's id. */
export function invalidProps(id: string, message: string | undefined, describedBy?: string) {
  const ids = [describedBy, message ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': message ? (true as const) : undefined,
    'aria-describedby': ids || undefined,
  };
}

/** The server's message for one field, referred to by the field's aria-describedby. */
export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={`${id}-error`} className="field__error">
      {message}
    </span>
  ) : null;
}

/** Escape anywhere in an inline form cancels it (a native select's open list handles its own Escape). */
export const cancelOnEscape = (onCancel?: () => void) => (event: KeyboardEvent) => {
  if (onCancel && event.key === 'Escape' && !event.defaultPrevented) {
    event.preventDefault();
    onCancel();
  }
};
