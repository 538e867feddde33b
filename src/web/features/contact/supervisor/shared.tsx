import type { ReactNode } from 'react';
import type { Column } from '../../../ui/Table';

/** A date input of the supervisor's period forms, with its error tied to it for screen readers. */
export function DateField({
  id,
  label,
  value,
  max,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  max?: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        type="date"
        value={value}
        max={max}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="feedback__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A calendar day as the charts and tables label it ("3 dec." / "3 Dec"). */
export function dayLabel(language: string, day: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-BE', {
    day: 'numeric',
    month: 'short',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** A right-aligned figure column, the kind most supervisor tables are made of. */
export function numericColumn<T>(key: string, header: string, cell: (row: T) => ReactNode): Column<T> {
  return { key, header, numeric: true, cell };
}
