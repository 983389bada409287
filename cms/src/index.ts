import type { Core } from '@strapi/strapi';
import { applyAdminLabels } from './bootstrap/admin-labels';
import { canonicalAddressedTo } from './bootstrap/canonical-addressed-to';
import { ensureEditorRoles } from './bootstrap/editor-roles';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { ensureMonitoringRoles } from './bootstrap/monitoring-roles';
import { applyMonitoringViews } from './bootstrap/monitoring-views';
import { ensureRebuildWebhook } from './bootstrap/rebuild-webhook';
import { withdrawPublicAccess } from './bootstrap/public-permissions';
import { seedTaxonomy } from './bootstrap/seed-taxonomy';
import { retireStrapiDefaultRoles } from './bootstrap/retire-strapi-default-roles';
import { ensureSiteToken } from './bootstrap/site-token';
import { guardEveryContentApiRoute } from './content-api/guard-every-route';
import { registerCrosspostQueue } from './crosspost/enqueue';
import { registerPanelRoutes } from './crosspost/panel-routes';
import { backfillFirstPublishedAt, registerFirstPublication, registerReadOnlyFields } from './documents/first-published-at';
import { registerContentValidation } from './documents/validate-content';
import { registerUnusedMediaCondition } from './media/unused-media-condition';
import { servedCommunes } from './documents/commune-membership';
import { registerCommuneCondition } from './tenancy/commune-condition';
import { registerCommuneMediaConditions } from './tenancy/commune-media-condition';
import { ensureCommuneRoles } from './tenancy/commune-roles';
import { registerEditorCommune } from './tenancy/editor-commune';
import { registerMonitoringRoutes } from './monitoring/monitoring-routes';
import { registerPassedToPoliceCondition } from './monitoring/passed-to-police-condition';
import { registerRebuttedOnPublish } from './monitoring/rebutted-on-publish';
import { registerSightingHistory } from './monitoring/sighting-history';
import { registerReportAdminRoutes } from './report/admin-routes';
import { registerReviewGuard } from './review/publish-guard';
import { registerReviewRoutes } from './review/review-routes';
import { registerScheduleRoutes } from './scheduling/schedule-routes';
import { startScheduler, stopScheduler } from './scheduling/scheduler';
import { registerTakedownEndsOnPublish } from './takedown/take-down';
import { registerTakedownRoutes } from './takedown/takedown-routes';
import { registerDraftPreviewRoute } from './preview/draft-preview-route';
import { guardRoutes } from './routes/guard-routes';
import { seedDemoIfEmpty } from './seed/demo';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Before validation: an editor's value for a field the CMS writes is dropped, not judged.
    registerReadOnlyFields(strapi);
    // Then the sighting's history, so the state it defaults and the step it appends (after any
    // editor's value was dropped) are validated like typed values.
    registerSightingHistory(strapi);
    registerContentValidation(strapi);
    // In a province: a commune's editor writes for that commune only (cms/src/tenancy/).
    registerEditorCommune(strapi);
    registerFirstPublication(strapi);
    // Issue 10's review: a publish waits for another person's approval of the draft as it stands.
    registerReviewGuard(strapi);
    registerReviewRoutes(strapi);
    registerScheduleRoutes(strapi);
    // Thu hồi / Gỡ bỏ (issue 10): a publish ends the takedown in force.
    registerTakedownEndsOnPublish(strapi);
    registerTakedownRoutes(strapi);
    // Xem trước (issue 10): one draft, for a valid signed link only.
    registerDraftPreviewRoute(strapi);
    guardEveryContentApiRoute(strapi);
    guardRoutes(strapi);
    registerPanelRoutes(strapi);
    registerRebuttedOnPublish(strapi);
    registerMonitoringRoutes(strapi);
    registerReportAdminRoutes(strapi);
  },

  // Every step is idempotent: the CMS converges on the plan's taxonomy, its roles and
  // permissions, and the portal's token at every start.
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await seedTaxonomy(strapi);
    await backfillFirstPublishedAt(strapi);
    await canonicalAddressedTo(strapi);
    await withdrawPublicAccess(strapi);
    // Before the roles: Strapi drops a permission's unknown conditions when it saves them.
    await registerUnusedMediaCondition(strapi);
    await registerPassedToPoliceCondition(strapi);
    await registerCommuneCondition(strapi);
    await registerCommuneMediaConditions(strapi);
    await ensureEditorRoles(strapi);
    await ensureCommuneRoles(strapi, servedCommunes());
    await ensureMonitoringRoles(strapi);
    await retireStrapiDefaultRoles(strapi);
    await ensureSiteToken(strapi, process.env.SITE_API_TOKEN, servedCommunes());
    await ensureFirstAdmin(strapi, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
    await applyAdminLabels(strapi);
    await applyMonitoringViews(strapi);
    await ensureRebuildWebhook(strapi);
    await seedDemoIfEmpty(strapi, process.env);
    // After the demo set: its fictitious pieces are never carried to the commune's pages.
    registerCrosspostQueue(strapi);
    // Last: a publish the scheduler catches up at start goes through everything above.
    startScheduler(strapi);
  },

  destroy() {
    stopScheduler();
  },
};
