import type { ValueKey } from '../../../../shared/domain';
import { currentLocale } from '../../../app/i18n';
import { pick } from '../../public/localized';
import { useFramework } from '../../public/queries';

/** A value's name as the current framework gives it, in the reader's language (the key until it loads). */
export function useValueName(): (key: ValueKey) => string {
  const framework = useFramework();
  const locale = currentLocale();
  return (key) => {
    const value = framework.data?.values.find((v) => v.key === key);
    return value ? pick(locale, value.nameNl, value.nameEn) : key;
  };
}

export function ValueList({ values, label }: { values: readonly ValueKey[]; label: string }) {
  const name = useValueName();
  if (values.length === 0) return null;
  return (
    <ul className="ent-tags" aria-label={label}>
      {values.map((key) => (
        <li key={key} className="ent-tag">
          {name(key)}
        </li>
      ))}
    </ul>
  );
}
