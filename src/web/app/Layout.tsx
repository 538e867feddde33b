import { useEffect, useRef } from 'react';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useHref, useLocation, useNavigate } from 'react-router';
import { ContactLauncher, ContactSkipLink } from '../features/contact/ContactLauncher';
import { ContactSlot } from '../features/contact/ContactSlot';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { Button } from '../ui/Button';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { requestTitleFocus } from '../ui/PageTitle';
import { type NavEntry, type NavItem, SiteNav } from '../ui/SiteNav';
import { SkipLink } from '../ui/SkipLink';
import { paths } from './paths';
import { hasRole, useMe, useSignOut } from './session';

export function Layout() {
  const navigate = useNavigate();
  const location = useLocation();
  const previousPath = useRef(location.pathname);

  useEffect(() => {
    if (previousPath.current !== location.pathname) {
      previousPath.current = location.pathname;
      requestTitleFocus();
      window.scrollTo(0, 0);
    }
  }, [location.pathname]);

  return (
    // react-aria links and buttons-with-href navigate through the router instead of reloading the page.
    <AriaRouterProvider navigate={(to, options) => navigate(to, options)} useHref={useHref}>
      <SkipLink />
      <ContactSkipLink />
      <Header />
      <main id="main" tabIndex={-1} className="main">
        <div className="container">
          <Outlet />
        </div>
      </main>
      <ContactLauncher />
      <Footer />
    </AriaRouterProvider>
  );
}

function Header() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const user = me.data;

  return (
    <header className="site-header">
      <div className="site-header__band">
        <div className="container site-header__inner">
          <NavLink to={paths.home} className="wordmark">
            <span className="wordmark__mark" aria-hidden="true">
              W
            </span>
            <span className="wordmark__text">
              <span className="wordmark__name">{t('web.app.name')}</span>
              <span className="wordmark__tagline">{t('web.app.tagline')}</span>
            </span>
          </NavLink>
          <div className="site-header__tools">
            <LanguageSwitch />
            {user ? (
              <div className="account-box">
                <NotificationBell />
                <span className="account-box__name">
                  {t('web.nav.signedInAs', { name: user.displayName })}
                </span>
                <Button
                  variant="secondary"
                  className="btn--small"
                  onPress={() => signOut.mutate(undefined, { onSettled: () => navigate(paths.home) })}
                  isPending={signOut.isPending}
                >
                  {t('web.nav.signOut')}
                </Button>
              </div>
            ) : (
              <NavLink to={paths.signIn} className="header-link">
                {t('web.nav.signIn')}
              </NavLink>
            )}
          </div>
        </div>
      </div>
      <MainNav />
    </header>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const me = useMe().data;
  const entries: NavEntry[] = [
    { to: paths.home, label: t('web.nav.home'), end: true },
    { to: paths.values, label: t('web.nav.values') },
    { to: paths.stories, label: t('stories.web.public.title'), end: true },
    { to: paths.search, label: t('web.nav.search') },
  ];
  if (me) {
    entries.push({ to: paths.myHome, label: t('web.nav.myHome'), end: true });
    const work: NavItem[] = [];
    if (hasRole(me, 'employee')) work.push({ to: paths.mySurveys, label: t('survey.mine.nav') });
    work.push({ to: paths.learning, label: t('learning.nav') });
    if (hasRole(me, 'employee')) work.push({ to: paths.recognition, label: t('recognition.web.navLink') });
    else work.push({ to: paths.gallery, label: t('stories.web.gallery.title') });
    work.push({ to: paths.surveyResults, label: t('surveyResults.nav') });
    if (hasRole(me, 'entity_coordinator')) work.push({ to: paths.myEntity, label: t('web.nav.myEntity') });
    if (hasRole(me, 'employee', 'entity_coordinator', 'top_executive', 'programme_admin'))
      work.push({ to: paths.actionPlan, label: t('entitiesPlans.nav.link') });
    if (hasRole(me, 'manager', 'entity_coordinator', 'top_executive', 'programme_admin'))
      work.push({ to: paths.touchstone, label: t('entitiesTouchstone.nav.link') });
    work.push({ to: paths.feedback360, label: t('entitiesFeedback360.nav.link') });
    if (hasRole(me, 'entity_coordinator', 'top_executive', 'programme_admin'))
      work.push({ to: paths.monitor, label: t('monitor.nav.link') });
    entries.push({ key: 'work', label: t('web.nav.groups.work'), items: work });
  }
  // The 1700 console and board are the agents' and supervisors' daily work: one click away, not folded.
  if (hasRole(me, 'contact_agent', 'contact_supervisor'))
    entries.push({ to: paths.contactConsole, label: t('contact.console.nav'), end: true });
  if (hasRole(me, 'contact_supervisor'))
    entries.push({ to: paths.contactSupervisor, label: t('contactSupervisor.title') });
  if (hasRole(me, 'programme_admin')) {
    entries.push({
      key: 'admin',
      label: t('web.nav.admin'),
      items: [
        { to: paths.admin, label: t('web.nav.adminHome'), end: true },
        ...adminLinks.map(({ key, to }) => ({ to, label: t(`web.admin.sections.${key}.title`) })),
        { to: paths.adminSurvey, label: t('survey.admin.nav') },
        { to: paths.adminContactFeedback, label: t('contactFeedback.summary.nav') },
      ],
    });
  }

  return <SiteNav label={t('web.nav.label')} menuLabel={t('web.nav.menu')} entries={entries} />;
}

/** The admin sections, in the order of the admin home page's tiles. */
const adminLinks = [
  { key: 'org', to: paths.adminOrg },
  { key: 'roster', to: paths.adminRoster },
  { key: 'values', to: paths.adminValues },
  { key: 'content', to: paths.adminContent },
  { key: 'feedback', to: paths.adminFeedback },
  { key: 'accounts', to: paths.adminAccounts },
  { key: 'audit', to: paths.adminAudit },
  { key: 'mailbox', to: paths.adminMailbox },
  { key: 'backups', to: paths.adminBackups },
] as const;

function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <ContactSlot />
        <nav aria-label={t('web.footer.label')} className="site-footer__nav">
          <h2 className="site-footer__heading">{t('web.footer.heading')}</h2>
          <ul>
            <li>
              <NavLink to={paths.about}>{t('web.footer.about')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.accessibility}>{t('web.footer.accessibility')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.privacy}>{t('web.footer.privacy')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.openData}>{t('web.footer.openData')}</NavLink>
            </li>
          </ul>
        </nav>
        <p className="site-footer__note">{t('web.footer.note')}</p>
      </div>
    </footer>
  );
}
