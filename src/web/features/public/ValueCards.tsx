import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import type { FrameworkValue } from '../../app/types';
import { statementText, valueHeading, valueName } from './localized';

/** The four values as cards; `withStatements` lists every behaviour statement instead of linking on. */
export function ValueCards({
  values,
  withStatements = false,
  headingLevel = 3,
}: {
  values: FrameworkValue[];
  withStatements?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="value-cards">
      {values.map((value) => (
        <li key={value.key} className={`value-card value-card--${value.key}`} id={`waarde-${value.key}`}>
          <Heading className="value-card__title">{valueHeading(locale, value)}</Heading>
          {withStatements ? (
            <ul className="value-card__statements">
              {value.statements.map((statement, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: statements have no id and keep their order.
                <li key={index}>{statementText(locale, statement)}</li>
              ))}
            </ul>
          ) : (
            <>
              <p className="value-card__lead">
                {value.statements[0] ? statementText(locale, value.statements[0]) : null}
              </p>
              <Link to={`${paths.values}#waarde-${value.key}`} className="value-card__link">
                {t('web.values.readMore', { value: valueName(locale, value) })}
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
