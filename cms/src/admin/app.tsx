import { Calendar, ChartPie, CheckCircle, Message, WarningCircle } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { CrosspostPanel } from './crosspost/crosspost-panel';
import { AnsweredSightingsPanel } from './monitoring/answered-sightings-panel';
import { RebuttalPanel } from './monitoring/rebuttal-panel';
import { ReviewPanel } from './review/review-panel';
import { SchedulePanel } from './scheduling/schedule-panel';
import { TakedownPanel } from './takedown/takedown-panel';
import { vietnamese } from './vietnamese';

// The commune's staff work in Vietnamese: offer it, and make it the default for a browser
// that has not chosen a language yet (Strapi keeps the choice in localStorage).
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['vi'],
    translations: { vi: vietnamese },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // The periodic report to the province (issue 9), downloadable without a terminal.
    app.addMenuLink({
      to: 'bao-cao',
      icon: ChartPie,
      intlLabel: { id: 'thanh-thuy.report.menu', defaultMessage: 'Báo cáo định kỳ' },
      // Reading pieces is what the office's roles have and Công an xã and residential-area heads
      // lack (a conditional read of sightings would let Công an xã see the entry); the download
      // route itself checks pieces and sightings (cms/src/report/admin-routes.ts).
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::article.article' }],
      Component: () => import('./report/report-page'),
    });
    // Editors' queue of open sightings on the homepage (issue 9). A widget, not a saved list
    // view: a list view sorts by one field and cannot hide settled items, and the harm scale
    // stored as words would sort alphabetically. Shown to whoever may read sightings.
    app.widgets.register({
      id: 'open-sightings',
      icon: WarningCircle,
      title: { id: 'thanh-thuy.open-sightings.title', defaultMessage: 'Thông tin cần xử lý' },
      link: { label: { id: 'thanh-thuy.open-sightings.link', defaultMessage: 'Xem tất cả mục rà quét' }, href: '/content-manager/collection-types/api::sighting.sighting' },
      component: async () => (await import('./monitoring/open-sightings-widget')).OpenSightingsWidget,
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::sighting.sighting' }],
    });
    // Approvers' queue of pieces sent for review, the longest waiting first (issue 10). Shown to
    // whoever may publish; the route itself lists only what the person may publish.
    app.widgets.register({
      id: 'review-queue',
      icon: CheckCircle,
      title: { id: 'thanh-thuy.review-queue.title', defaultMessage: 'Bài chờ duyệt' },
      component: async () => (await import('./review/review-queue-widget')).ReviewQueueWidget,
      permissions: [{ action: 'plugin::content-manager.explorer.publish', subject: 'api::article.article' }],
    });
    // Posts waiting for an officer to make by hand (outbox mode), on the accounts this officer
    // works with; in a province, where a commune's officer finds the province's pieces.
    app.widgets.register({
      id: 'crosspost-outbox',
      icon: Message,
      title: { id: 'thanh-thuy.crosspost-outbox.title', defaultMessage: 'Bài chờ đăng tay' },
      component: async () => (await import('./crosspost/outbox-widget')).OutboxWidget,
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::article.article' }],
    });
    // What the scheduler will publish or unpublish next (issue 10), for whoever reads pieces.
    app.widgets.register({
      id: 'upcoming-schedule',
      icon: Calendar,
      title: { id: 'thanh-thuy.upcoming-schedule.title', defaultMessage: 'Lịch đăng sắp tới' },
      component: async () => (await import('./scheduling/upcoming-widget')).UpcomingWidget,
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::article.article' }],
    });
  },
  bootstrap(app: StrapiApp) {
    // The review workflow (issue 10) and where each piece went (Facebook, Zalo, …; issue 7), on its edit page.
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: { addEditViewSidePanel: (panels: unknown[]) => void } };
    // "Tạo bài phản bác" on a sighting's edit page, and the sightings a fact-check answers on its own (issue 9).
    contentManager.apis.addEditViewSidePanel([ReviewPanel, SchedulePanel, TakedownPanel, CrosspostPanel, RebuttalPanel, AnsweredSightingsPanel]);
    if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, 'vi');
    }
  },
};
