import { useQueryClient } from '@tanstack/react-query';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../app/i18n';
import { switchLocale } from '../app/session';
import type { Locale } from '../app/types';

const locales: Locale[] = ['nl', 'en'];

/** Each language is named in itself (and marked with lang) so a screen reader pronounces it right. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const active = currentLocale();
  return (
    <ToggleButtonGroup
      aria-label={t('web.language.label')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[active]}
      onSelectionChange={async (keys) => {
        const [next] = [...keys];
        if (next !== 'nl' && next !== 'en') return;
        if (next === i18n.language) return;
        await switchLocale(next);
        // Server texts (pages, values, error messages) follow the language too.
        await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      }}
      className="language-switch"
    >
      {locales.map((locale) => (
        <ToggleButton key={locale} id={locale} lang={locale} className="language-switch__button">
          {t(`web.language.${locale}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
