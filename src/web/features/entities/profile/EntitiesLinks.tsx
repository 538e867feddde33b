import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { hasRole, useMe } from '../../../app/session';

/** Tiles for the entity pages of this module: coordinators' profile and support, the admin's handling. */
export function EntitiesTiles({ admin = false }: { admin?: boolean }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const tiles: { key: string; href: string }[] = [];
  if (!admin && hasRole(me, 'entity_coordinator'))
    tiles.push(
      { key: 'profile', href: paths.entityProfileEditor },
      { key: 'support', href: paths.mySupport },
    );
  if (hasRole(me, 'programme_admin'))
    tiles.push(
      ...(admin ? [] : [{ key: 'profile', href: paths.entityProfileEditor }]),
      { key: 'adminSupport', href: paths.adminSupport },
      { key: 'adminEndorsements', href: paths.adminEndorsements },
    );
  if (tiles.length === 0) return null;
  return (
    <ul className="tiles">
      {tiles.map((tile) => (
        <li key={tile.key} className="tile">
          <Link to={tile.href} className="tile__link">
            <span className="tile__title">{t(`entities-profile.web.tiles.${tile.key}.title`)}</span>
            <span className="tile__text">{t(`entities-profile.web.tiles.${tile.key}.text`)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
