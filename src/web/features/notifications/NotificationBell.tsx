import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { api } from '../../app/api';
import { paths } from '../../app/paths';
import { UNREAD_KEY, useLiveUnread } from './notifications-api';

/** The header's bell: a link to the notifications page whose name says how many are unread. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useQuery({ queryKey: UNREAD_KEY, queryFn: () => api.notifications.unread() });
  useLiveUnread(true);
  const count = unread.data?.unread ?? 0;
  const label = count > 0 ? t('notifications.bell.label', { count }) : t('notifications.bell.labelNone');
  return (
    <NavLink to={paths.notifications} className="bell" aria-label={label} title={label}>
      <svg
        className="bell__icon"
        viewBox="0 0 24 24"
        width="24"
        height="24"
        aria-hidden="true"
        focusable="false"
      >
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 ? (
        <span className="bell__badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </NavLink>
  );
}
