import {
  ComboBox as AriaComboBox,
  type ComboBoxProps as AriaComboBoxProps,
  Button,
  FieldError,
  Input,
  type Key,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export type ComboOption = { id: Key; label: string; description?: string };

type ComboBoxProps = Omit<AriaComboBoxProps<ComboOption>, 'children' | 'className'> & {
  label: string;
  options: ComboOption[];
  description?: string;
  errorMessage?: string;
};

/** A searchable pick list, for long lists such as the 1,000+ organisation units. */
export function ComboBox({ label, options, description, errorMessage, ...props }: ComboBoxProps) {
  const { t } = useTranslation();
  return (
    <AriaComboBox
      {...props}
      defaultItems={options}
      isInvalid={errorMessage ? true : props.isInvalid}
      className="field combobox"
      menuTrigger="focus"
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <div className="combobox__row">
        <Input className="field__input combobox__input" />
        <Button className="combobox__button" aria-label={t('web.common.showOptions')}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => <p className="listbox__empty">{t('web.common.noOptions')}</p>}
        >
          {(option: ComboOption) => (
            <ListBoxItem id={option.id} className="listbox__item" textValue={option.label}>
              <span>{option.label}</span>
              {option.description ? <span className="listbox__description">{option.description}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
