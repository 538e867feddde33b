import {
  Select as AriaSelect,
  type SelectProps as AriaSelectProps,
  Button,
  FieldError,
  type Key,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export type SelectOption = { id: Key; label: string };

type SelectProps = Omit<AriaSelectProps<SelectOption>, 'children' | 'className'> & {
  label: string;
  options: SelectOption[];
  description?: string;
  errorMessage?: string;
  className?: string;
};

export function Select({ label, options, description, errorMessage, className, ...props }: SelectProps) {
  const { t } = useTranslation();
  return (
    <AriaSelect
      placeholder={t('web.common.choose')}
      {...props}
      isInvalid={errorMessage ? true : props.isInvalid}
      className={['field', className].filter(Boolean).join(' ')}
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Button className="select__button">
        <SelectValue className="select__value" />
        <span aria-hidden="true" className="select__chevron">
          ▾
        </span>
      </Button>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="listbox__item" textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
