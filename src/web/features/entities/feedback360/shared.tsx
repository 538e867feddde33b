import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { entitiesFeedback360Api } from '../../../../shared/api/entities-feedback360';
import { paths } from '../../../app/paths';
import { hasRole, useMe } from '../../../app/session';
import '../entities.css';

export type Round = RouteOutput<typeof entitiesFeedback360Api.routes.get>;
export type Report = RouteOutput<typeof entitiesFeedback360Api.routes.report>;
export type Statement = Round['statements'][number];

export const roundHref = (id: number) => paths.feedback360Round.replace(':id', String(id));

export const SCORES = [1, 2, 3, 4, 5] as const;

export function Feedback360Nav() {
  const { t } = useTranslation();
  const me = useMe().data;
  const items: { to: string; label: string }[] = [
    { to: paths.feedback360, label: t('entitiesFeedback360.nav.mine') },
  ];
  if (hasRole(me, 'entity_coordinator', 'top_executive', 'programme_admin'))
    items.push({ to: paths.feedback360Entity, label: t('entitiesFeedback360.nav.entity') });
  return (
    <nav className="ent-subnav" aria-label={t('entitiesFeedback360.nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The statements as one radio group each (1–5), grouped per value: native radios in fieldsets, so screen
 * readers announce the statement with each choice and arrow keys move within a statement.
 */
export function StatementScales({
  idPrefix,
  statements,
  scores,
  onChange,
  valueName,
  text,
}: {
  idPrefix: string;
  statements: Statement[];
  scores: (number | null)[];
  onChange: (index: number, score: number) => void;
  valueName: (key: string) => string;
  text: (s: Statement) => string;
}) {
  const { t } = useTranslation();
  const values = [...new Set(statements.map((s) => s.value))];
  return (
    <>
      {values.map((value) => (
        <fieldset key={value} className="fieldset">
          <legend>{valueName(value)}</legend>
          {statements.map((s, index) =>
            s.value !== value ? null : (
              // biome-ignore lint/suspicious/noArrayIndexKey: statements are a fixed list in a fixed order
              <fieldset key={index} className="ent-weigh">
                <legend>{text(s)}</legend>
                <div className="ent-options">
                  {SCORES.map((score) => (
                    <label key={score}>
                      <input
                        type="radio"
                        name={`${idPrefix}-s${index}`}
                        checked={scores[index] === score}
                        onChange={() => onChange(index, score)}
                      />
                      {t(`entitiesFeedback360.scale.${score}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            ),
          )}
        </fieldset>
      ))}
    </>
  );
}
