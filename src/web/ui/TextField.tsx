import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
} from 'react-aria-components';

type TextFieldProps = Omit<AriaTextFieldProps, 'className' | 'children'> & {
  label: string;
  description?: string;
  /** An error to show now (e.g. from the server); otherwise the form's validationErrors apply by name. */
  errorMessage?: string;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  className?: string;
  inputClassName?: string;
};

export function TextField({
  label,
  description,
  errorMessage,
  multiline,
  rows = 4,
  placeholder,
  className,
  inputClassName,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      isInvalid={errorMessage ? true : props.isInvalid}
      className={['field', className].filter(Boolean).join(' ')}
    >
      <Label className="field__label">
        {label}
        {props.isRequired ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      {multiline ? (
        <TextArea
          className={['field__input', 'field__textarea', inputClassName].filter(Boolean).join(' ')}
          rows={rows}
          placeholder={placeholder}
        />
      ) : (
        <Input
          className={['field__input', inputClassName].filter(Boolean).join(' ')}
          placeholder={placeholder}
        />
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
