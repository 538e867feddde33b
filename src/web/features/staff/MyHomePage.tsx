import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { hasRole, useMe } from '../../app/session';
import type { EntityValues, FrameworkValue, Me } from '../../app/types';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { EntitiesTiles } from '../entities/profile/EntitiesLinks';
import { pick, statementText, valueHeading } from '../public/localized';
import { useFramework } from '../public/queries';
import { HomeSections } from './HomeSections';

export function MyHomePage() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  const framework = useFramework(me.entityId);
  const locale = currentLocale();

  return (
    <>
      <PageTitle title={t('web.myHome.title')}>
        {t('web.myHome.greeting', { name: me.displayName })}
      </PageTitle>
      <p className="lead">{t('web.myHome.lead')}</p>
      <p className="muted">
        {t('web.myHome.yourRoles')}{' '}
        {me.roles.length
          ? me.roles.map((role) => t(`auth.roles.${role}`)).join(', ')
          : t('web.myHome.noRoles')}
      </p>

      <HomeSections />

      <section aria-labelledby="my-tiles" className="section">
        <h2 id="my-tiles">{t('web.myHome.tilesHeading')}</h2>
        <ul className="tiles">
          {tilesFor(me).map((tile) => (
            <li key={tile.href} className="tile">
              <Link to={tile.href} className="tile__link">
                <span className="tile__title">{t(`web.tiles.${tile.key}.title`)}</span>
                <span className="tile__text">{t(`web.tiles.${tile.key}.text`)}</span>
              </Link>
            </li>
          ))}
        </ul>
        <EntitiesTiles />
      </section>

      <section aria-labelledby="my-values" className="section">
        <h2 id="my-values">{t('web.myHome.valuesHeading')}</h2>
        <QueryState query={framework}>
          {(data) => (
            <>
              {data.entity ? (
                <p>
                  {t('web.myHome.entityIntro', {
                    entity: pick(locale, data.entity.nameNl, data.entity.nameEn),
                  })}
                </p>
              ) : (
                <p>{t('web.myHome.noEntity')}</p>
              )}
              <ul className="my-values">
                {data.values.map((value) => (
                  <MyValue key={value.key} value={value} entity={data.entity} />
                ))}
              </ul>
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}

function MyValue({ value, entity }: { value: FrameworkValue; entity?: EntityValues }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const own = entity?.translations.find((translation) => translation.valueKey === value.key);
  const ownText = own ? pick(locale, own.textNl, own.textEn) : '';
  const focus = !!entity?.focusValues.includes(value.key);
  return (
    <li className={`my-value${focus ? ' my-value--focus' : ''}`}>
      <h3 className="my-value__title">
        {valueHeading(locale, value)}
        {focus ? <span className="badge badge--focus">{t('web.myHome.focusValue')}</span> : null}
      </h3>
      <div className={ownText ? 'my-value__columns' : undefined}>
        <div>
          <h4 className="my-value__subtitle">{t('web.myHome.centralText')}</h4>
          <ul className="my-value__statements">
            {value.statements.map((statement, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: statements have no id and keep their order.
              <li key={index}>{statementText(locale, statement)}</li>
            ))}
          </ul>
        </div>
        {ownText ? (
          <div className="my-value__own">
            <h4 className="my-value__subtitle">{t('web.myHome.ownWords')}</h4>
            <p className="preserve-lines">{ownText}</p>
          </div>
        ) : null}
      </div>
    </li>
  );
}

type Tile = { key: string; href: string };

/** The pages this person may use, in the order they are most likely needed. */
export function tilesFor(me: Me): Tile[] {
  const tiles: Tile[] = [{ key: 'values', href: paths.values }];
  if (hasRole(me, 'entity_coordinator')) tiles.push({ key: 'myEntity', href: paths.myEntity });
  if (hasRole(me, 'programme_admin')) {
    tiles.push(
      { key: 'admin', href: paths.admin },
      { key: 'adminOrg', href: paths.adminOrg },
      { key: 'adminValues', href: paths.adminValues },
      { key: 'adminContent', href: paths.adminContent },
    );
  }
  tiles.push({ key: 'search', href: paths.search });
  return tiles;
}
