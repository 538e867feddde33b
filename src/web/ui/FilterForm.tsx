import { useState } from 'react';
import { Button } from './Button';
import { TextField } from './TextField';

type FilterFormProps = {
  label: string;
  description?: string;
  name: string;
  maxLength: number;
  submitLabel: string;
  /** A search landmark (role="search", type="search"); a plain filter form otherwise. */
  search?: boolean;
  /** Called with the trimmed text when the form is submitted, not on every keystroke. */
  onSubmit: (value: string) => void;
};

/** One text field and a submit button that filter a list: the admin lists share this. */
export function FilterForm({
  label,
  description,
  name,
  maxLength,
  submitLabel,
  search,
  onSubmit,
}: FilterFormProps) {
  const [value, setValue] = useState('');
  return (
    <form
      role={search ? 'search' : undefined}
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(value.trim());
      }}
    >
      <TextField
        label={label}
        description={description}
        name={name}
        type={search ? 'search' : undefined}
        maxLength={maxLength}
        value={value}
        onChange={setValue}
      />
      <Button type="submit" variant="secondary">
        {submitLabel}
      </Button>
    </form>
  );
}
