import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { z } from 'zod';
import type {
  aggregatesOut,
  colleagueOut,
  messageListOut,
  messageOut,
  moderationListOut,
} from '../../../shared/api/recognition';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { hasRole, useMe } from '../../app/session';
import type { ValueKey } from '../../app/types';
import { Checkbox } from '../../ui/Checkbox';
import { valueName } from '../public/localized';
import { useFramework } from '../public/queries';

export type Message = z.infer<typeof messageOut>;
export type MessageList = z.infer<typeof messageListOut>;
export type Colleague = z.infer<typeof colleagueOut>;
export type ModerationList = z.infer<typeof moderationListOut>;
export type Aggregates = z.infer<typeof aggregatesOut>;

/** Mirrors MIN_MESSAGE_LENGTH in the recognition module. */
export const MIN_MESSAGE_LENGTH = 60;

export const recognitionPaths = {
  home: paths.recognition,
  overview: paths.recognitionOverview,
  gallery: paths.gallery,
  submit: paths.gallerySubmit,
  mine: paths.galleryMine,
  moderation: paths.moderation,
  publicStories: paths.stories,
} as const;

/** The value names in the reader's language, from the published framework. */
export function useValueNames(): { keys: ValueKey[]; name: (key: ValueKey) => string } {
  const framework = useFramework();
  const locale = currentLocale();
  const values = framework.data?.values ?? [];
  const keys: ValueKey[] = values.length
    ? values.map((v) => v.key)
    : ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid'];
  return {
    keys,
    name: (key) => {
      const value = values.find((v) => v.key === key);
      return value ? valueName(locale, value) : key;
    },
  };
}

/** The sections of "living the values", for signed-in staff; moderation and overview only for those who have them. */
export function RecognitionNav() {
  const { t } = useTranslation();
  const me = useMe().data;
  // Messages and own stories need a place in the organisation; accounts without one see the gallery only.
  const isStaff = hasRole(me, 'employee');
  const items: { to: string; label: string; end?: boolean }[] = [
    ...(isStaff ? [{ to: recognitionPaths.home, label: t('recognition.web.nav.messages'), end: true }] : []),
    { to: recognitionPaths.gallery, label: t('recognition.web.nav.gallery'), end: true },
    ...(isStaff
      ? [
          { to: recognitionPaths.submit, label: t('recognition.web.nav.submit') },
          { to: recognitionPaths.mine, label: t('recognition.web.nav.mine') },
        ]
      : []),
  ];
  if (hasRole(me, 'manager', 'entity_coordinator', 'top_executive', 'programme_admin'))
    items.push({ to: recognitionPaths.overview, label: t('recognition.web.nav.overview'), end: true });
  if (hasRole(me, 'entity_coordinator', 'programme_admin'))
    items.push({ to: recognitionPaths.moderation, label: t('recognition.web.nav.moderation'), end: true });
  return (
    <nav className="rec-subnav" aria-label={t('recognition.web.nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ValueTags({ values }: { values: ValueKey[] }) {
  const { t } = useTranslation();
  const { name } = useValueNames();
  return (
    <ul className="rec-tags" aria-label={t('recognition.web.valuesLabel')}>
      {values.map((v) => (
        <li key={v} className="badge">
          {name(v)}
        </li>
      ))}
    </ul>
  );
}

/** The required "which values" checkboxes of a message or a story. */
export function ValuePicker(props: {
  legend: string;
  values: ValueKey[];
  onChange: (values: ValueKey[]) => void;
  error?: string;
}) {
  const { keys, name } = useValueNames();
  const { values, onChange } = props;
  return (
    <fieldset className="fieldset">
      <legend>
        {props.legend}
        <span className="field__required" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      <div className="rec-options">
        {keys.map((key) => (
          <Checkbox
            key={key}
            isSelected={values.includes(key)}
            onChange={(on) => onChange(on ? [...values, key] : values.filter((v) => v !== key))}
          >
            {name(key)}
          </Checkbox>
        ))}
      </div>
      {props.error ? <p className="field__error">{props.error}</p> : null}
    </fieldset>
  );
}
