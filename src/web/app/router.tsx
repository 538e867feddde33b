import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { entitiesPlansRoutes } from '../features/entities/routes';
import { monitorRoutes } from '../features/monitor/routes';
import { ContentPage } from '../features/public/ContentPage';
import { HomePage } from '../features/public/HomePage';
import { NotFoundPage } from '../features/public/NotFoundPage';
import { SearchPage } from '../features/public/SearchPage';
import { ValuesPage } from '../features/public/ValuesPage';
import { HydrateFallback, RequireRole } from './guards';
import { Layout } from './Layout';
import { paths } from './paths';

/** Signed-in and admin pages load on demand, so citizens only download the public site. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    // Shown only while the first lazily loaded page arrives on a direct visit to a signed-in URL.
    hydrateFallbackElement: <HydrateFallback />,
    children: [
      { path: paths.home, element: <HomePage /> },
      { path: paths.values, element: <ValuesPage /> },
      {
        path: paths.valuesHistory,
        lazy: page(() => import('../features/values-history/ValuesHistoryPage'), 'ValuesHistoryPage'),
      },
      {
        path: paths.valuesVersion,
        lazy: page(() => import('../features/values-history/ValuesVersionPage'), 'ValuesVersionPage'),
      },
      {
        path: paths.valuesCompare,
        lazy: page(() => import('../features/values-history/ValuesComparePage'), 'ValuesComparePage'),
      },
      { path: paths.search, element: <SearchPage /> },
      { path: paths.accessibility, element: <ContentPage slug="toegankelijkheid" /> },
      { path: paths.privacy, element: <ContentPage slug="privacy" /> },
      { path: paths.about, element: <ContentPage slug="over" /> },
      { path: '/pagina/:slug', element: <ContentPage /> },
      { path: paths.signIn, element: <SignInPage /> },
      {
        path: paths.contactFeedback,
        lazy: page(() => import('../features/contact/feedback/FeedbackPage'), 'FeedbackPage'),
      },
      {
        path: paths.surveyAnswer,
        lazy: page(() => import('../features/survey/SurveyAnswerPage'), 'SurveyAnswerPage'),
      },
      {
        path: paths.feedback360Answer,
        lazy: page(() => import('../features/entities/feedback360/AnswerPage'), 'AnswerPage'),
      },
      {
        path: paths.stories,
        lazy: page(() => import('../features/stories/PublicStoriesPage'), 'PublicStoriesPage'),
      },
      {
        path: paths.entityProfilePublic,
        lazy: page(() => import('../features/entities/profile/PublicProfilePage'), 'PublicProfilePage'),
      },
      {
        path: paths.endorsements,
        lazy: page(
          () => import('../features/entities/backing/PublicEndorsementsPage'),
          'PublicEndorsementsPage',
        ),
      },
      {
        path: paths.openData,
        lazy: page(() => import('../features/monitor-io/OpenDataPage'), 'OpenDataPage'),
      },
      {
        element: <RequireRole />,
        children: [
          { path: paths.myHome, lazy: page(() => import('../features/staff/MyHomePage'), 'MyHomePage') },
          {
            path: paths.mySurveys,
            lazy: page(() => import('../features/survey/MySurveysPage'), 'MySurveysPage'),
          },
          {
            path: paths.notifications,
            lazy: page(() => import('../features/notifications/NotificationsPage'), 'NotificationsPage'),
          },
          {
            path: paths.learning,
            lazy: page(() => import('../features/learning/LearningHomePage'), 'LearningHomePage'),
          },
          {
            path: paths.learningPractice,
            lazy: page(() => import('../features/learning/PracticePage'), 'PracticePage'),
          },
          {
            path: paths.learningProgress,
            lazy: page(() => import('../features/learning/ProgressPage'), 'ProgressPage'),
          },
          {
            path: paths.learningInsights,
            lazy: page(() => import('../features/learning/InsightsPage'), 'InsightsPage'),
          },
          {
            path: `${paths.learning}/:value`,
            lazy: page(() => import('../features/learning/ModulePage'), 'ModulePage'),
          },
          {
            path: paths.surveyResults,
            lazy: page(() => import('../features/survey/results/ResultsPages'), 'ResultsHomePage'),
          },
          {
            path: `${paths.surveyResults}/:waveId`,
            lazy: page(() => import('../features/survey/results/ResultsPages'), 'WaveResultsPage'),
          },
          {
            path: `${paths.surveyParticipation}/:waveId`,
            lazy: page(() => import('../features/survey/results/ResultsPages'), 'ParticipationPage'),
          },
          { path: paths.gallery, lazy: page(() => import('../features/stories/GalleryPage'), 'GalleryPage') },
        ],
      },
      {
        element: <RequireRole roles={['entity_coordinator', 'programme_admin']} />,
        children: [
          {
            path: paths.entityProfileEditor,
            lazy: page(() => import('../features/entities/profile/ProfileEditorPage'), 'ProfileEditorPage'),
          },
          {
            path: paths.mySupport,
            lazy: page(() => import('../features/entities/support/SupportPage'), 'SupportPage'),
          },
          {
            path: paths.myEntity,
            lazy: page(() => import('../features/staff/EntityValuesPage'), 'EntityValuesPage'),
          },
        ],
      },
      {
        element: <RequireRole roles={['programme_admin']} />,
        children: [
          { path: paths.admin, lazy: page(() => import('../features/admin/AdminHomePage'), 'AdminHomePage') },
          {
            path: paths.adminSupport,
            lazy: page(() => import('../features/entities/support/AdminSupportPage'), 'AdminSupportPage'),
          },
          {
            path: paths.adminEndorsements,
            lazy: page(
              () => import('../features/entities/backing/AdminEndorsementsPage'),
              'AdminEndorsementsPage',
            ),
          },
          {
            path: paths.adminMonitorInstruments,
            lazy: page(() => import('../features/monitor-io/InstrumentsPage'), 'InstrumentsPage'),
          },
          {
            path: paths.adminMonitorReports,
            lazy: page(() => import('../features/monitor-io/ReportsPage'), 'ReportsPage'),
          },
          { path: paths.adminOrg, lazy: page(() => import('../features/admin/OrgPage'), 'OrgPage') },
          { path: paths.adminRoster, lazy: page(() => import('../features/admin/RosterPage'), 'RosterPage') },
          {
            path: paths.adminValues,
            lazy: page(() => import('../features/admin/ValuesAdminPage'), 'ValuesAdminPage'),
          },
          {
            path: paths.adminContent,
            lazy: page(() => import('../features/admin/ContentAdminPage'), 'ContentAdminPage'),
          },
          {
            path: paths.adminFeedback,
            lazy: page(() => import('../features/admin/FeedbackAdminPage'), 'FeedbackAdminPage'),
          },
          {
            path: paths.adminAccounts,
            lazy: page(() => import('../features/admin/AccountsPage'), 'AccountsPage'),
          },
          { path: paths.adminAudit, lazy: page(() => import('../features/admin/AuditPage'), 'AuditPage') },
          {
            path: paths.adminBackups,
            lazy: page(() => import('../features/admin/BackupsPage'), 'BackupsPage'),
          },
          {
            path: paths.adminLearning,
            lazy: page(() => import('../features/learning/LearningAdminPage'), 'LearningAdminPage'),
          },
          {
            path: paths.adminMailbox,
            lazy: page(() => import('../features/admin/MailboxPage'), 'MailboxPage'),
          },
          {
            path: paths.adminContactFeedback,
            lazy: page(() => import('../features/contact/feedback/FeedbackAdminPage'), 'FeedbackAdminPage'),
          },
          {
            path: paths.adminSurvey,
            lazy: page(() => import('../features/survey/admin/SurveyAdminPage'), 'SurveyAdminPage'),
          },
          {
            path: paths.adminSurveyPreview,
            lazy: page(
              () => import('../features/survey/admin/QuestionnairePreviewPage'),
              'QuestionnairePreviewPage',
            ),
          },
          {
            path: `${paths.adminSurvey}/vragenlijsten/:id`,
            lazy: page(
              () => import('../features/survey/admin/QuestionnaireEditorPage'),
              'QuestionnaireEditorPage',
            ),
          },
          {
            path: `${paths.adminSurvey}/:id`,
            lazy: page(() => import('../features/survey/admin/WaveAdminPage'), 'WaveAdminPage'),
          },
        ],
      },
      {
        element: <RequireRole roles={['contact_supervisor']} />,
        children: [
          {
            path: paths.contactSupervisor,
            lazy: page(() => import('../features/contact/supervisor/SupervisorPage'), 'SupervisorPage'),
          },
          {
            path: paths.contactHours,
            lazy: page(() => import('../features/contact/supervisor/QueueHoursPage'), 'QueueHoursPage'),
          },
          {
            path: paths.contactCanned,
            lazy: page(() => import('../features/contact/supervisor/CannedAnswersPage'), 'CannedAnswersPage'),
          },
          {
            path: paths.contactAgentStats,
            lazy: page(() => import('../features/contact/supervisor/AgentStatsPage'), 'AgentStatsPage'),
          },
        ],
      },
      {
        element: <RequireRole roles={['contact_agent', 'contact_supervisor']} />,
        children: [
          {
            path: paths.contactConsole,
            lazy: page(() => import('../features/contact/console/AgentConsolePage'), 'AgentConsolePage'),
          },
          {
            path: paths.contactMyStats,
            lazy: page(() => import('../features/contact/supervisor/AgentStatsPage'), 'MyStatsPage'),
          },
          {
            path: '/1700/e-mails',
            lazy: page(() => import('../features/contact/TicketsPage'), 'TicketsPage'),
          },
          {
            path: '/1700/e-mails/:id',
            lazy: page(() => import('../features/contact/TicketPage'), 'TicketPage'),
          },
        ],
      },
      {
        element: <RequireRole roles={['employee']} />,
        children: [
          {
            path: paths.recognition,
            lazy: page(() => import('../features/recognition/RecognitionPage'), 'RecognitionPage'),
          },
          {
            path: paths.gallerySubmit,
            lazy: page(() => import('../features/stories/SubmitStoryPage'), 'SubmitStoryPage'),
          },
          {
            path: paths.galleryMine,
            lazy: page(() => import('../features/stories/MyStoriesPage'), 'MyStoriesPage'),
          },
        ],
      },
      {
        element: (
          <RequireRole roles={['manager', 'entity_coordinator', 'top_executive', 'programme_admin']} />
        ),
        children: [
          {
            path: paths.recognitionOverview,
            lazy: page(
              () => import('../features/recognition/RecognitionOverviewPage'),
              'RecognitionOverviewPage',
            ),
          },
        ],
      },
      {
        element: <RequireRole roles={['entity_coordinator', 'programme_admin']} />,
        children: [
          {
            path: paths.moderation,
            lazy: page(() => import('../features/recognition/ModerationPage'), 'ModerationPage'),
          },
        ],
      },
      ...entitiesPlansRoutes,
      ...monitorRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
