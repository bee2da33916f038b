import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { Api } from './app-types.js';
import { registerAuthentication, sessionCookie } from './auth.js';
import { registerChangeOrigin } from './change-origin.js';
import type { HttpDeps } from './deps.js';
import { vigilFormats } from './formats.js';
import { registerFiniteNumbers } from './finite-numbers.js';
import { registerJsonBody } from './json-body.js';
import { registerMetrics } from './metrics.js';
import { registerPagingHealthMetrics } from './paging-health-metrics.js';
import { OneLinePerRequest } from './request-log.js';
import { registerSecurityHeaders } from './security-headers.js';
import { errorHandler } from './problem.js';
import { registerErrorResponses } from './error-responses.js';
import { registerStorableInput } from './storable-input.js';
import { urlErrorHandler } from './url-errors.js';
import { auditRoutes } from './routes/audit.js';
import { eventRuleRoutes } from './routes/event-rules.js';
import { authRoutes } from './routes/auth.js';
import { setupRoutes } from './routes/setup.js';
import { healthRoutes } from './routes/health.js';
import { teamRoutes } from './routes/teams.js';
import { scheduleRoutes } from './routes/schedules.js';
import { overrideRoutes } from './routes/overrides.js';
import { timeOffRoutes } from './routes/time-off.js';
import { coverageGapRoutes } from './routes/coverage-gaps.js';
import { coverRequestRoutes } from './routes/cover-requests.js';
import { onCallRoutes } from './routes/on-call.js';
import { fairnessRoutes } from './routes/fairness.js';
import { myOnCallRoutes } from './routes/my-on-call.js';
import { calendarFeedRoutes } from './routes/calendar-feeds.js';
import { policyRoutes } from './routes/policies.js';
import { pagingRoutes } from './routes/paging.js';
import { monitorRoutes } from './routes/monitors.js';
import { monitorHistoryRoutes } from './routes/monitor-history.js';
import { incidentAlertRoutes } from './routes/incident-alerts.js';
import { incidentRoutes } from './routes/incidents.js';
import { manualIncidentRoutes } from './routes/manual-incidents.js';
import { postmortemRoutes } from './routes/postmortem.js';
import { analyticsRoutes } from './routes/analytics.js';
import { contactRoutes } from './routes/contacts.js';
import { integrationRoutes } from './routes/integrations.js';
import { IntegrationKeys } from '../service/integration-keys.js';
import { EventRuleSets } from '../service/event-rule-sets.js';
import { incidentLinkRoutes } from './routes/incident-links.js';
import { twilioRoutes } from './routes/twilio.js';
import { mattermostRoutes } from './routes/mattermost.js';
import { slackRoutes } from './routes/slack.js';
import { telegramRoutes } from './routes/telegram.js';
import { testClockRoutes } from './routes/test-clock.js';
import { tokenRoutes } from './routes/tokens.js';
import { twoFactorRoutes } from './routes/two-factor.js';
import { oidcRoutes } from './routes/oidc.js';
import { userRoutes } from './routes/users.js';
import { registerWebUi } from './web-ui.js';
import { statusSubscriberAdminRoutes } from './routes/status-subscribers.js';
import { statusPageRoutes } from './routes/status-pages.js';
import { statusUpdateRoutes } from './routes/status-updates.js';
import { statusSubscriberRoutes } from './status/subscription-routes.js';
import { CustomDomains, hostName } from './status/custom-domains.js';
import { statusPublicRoutes } from './status/public-routes.js';
import { lazySerializers } from './lazy-serializers.js';

export const apiPrefix = '/api/v1';

/** Assembles the whole HTTP server; tests call this and use inject(). */
export async function buildServer(deps: HttpDeps): Promise<Api> {
  const statusDomains = new CustomDomains(deps.database.db, hostName(new URL(deps.config.baseUrl).host));
  const app = Fastify({
    // A status page's custom domain is served its page (the URL becomes /status/<slug>/…).
    rewriteUrl: (req) => statusDomains.rewrite(req),
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new OneLinePerRequest(),
    bodyLimit: 1024 * 1024,
    // Only listed proxies may name the client in X-Forwarded-For: rate limits and the audit log key on it.
    trustProxy: deps.config.trustedProxies.length > 0 ? deps.config.trustedProxies : false,
    frameworkErrors: urlErrorHandler,
    ajv: {
      // allErrors so one response lists every bad field; unknown fields are
      // rejected by the schemas rather than silently dropped.
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true, discriminator: true },
      // @fastify/ajv-compiler already adds ajv-formats (email, date-time, uuid).
      plugins: [vigilFormats],
    },
    schemaController: { compilersFactory: { buildSerializer: lazySerializers() } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  registerErrorResponses(app, apiPrefix);
  registerJsonBody(app);
  registerSecurityHeaders(app, deps.config.baseUrl);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Vigil API', version: '1', description: 'On-call schedules, escalation policies, monitors and incidents.' },
      servers: [{ url: deps.config.baseUrl }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'Personal API token (vgl_…)' },
          cookieAuth: { type: 'apiKey', in: 'cookie', name: sessionCookie, description: 'UI session; writes also need X-CSRF-Token' },
        },
      },
      security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    },
    // Shared schemas (Problem) keep their $id as their name in components.schemas.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  registerMetrics(app, deps.registry);
  registerPagingHealthMetrics(deps.registry, deps.database.db);
  healthRoutes(app, deps);

  // Shared by ingest, which keeps the monitors behind keys, and the monitor routes, which change them.
  const integrationKeys = new IntegrationKeys(deps.database);
  // Shared by ingest, which runs the compiled rules, and the rule routes, which save them.
  const eventRuleSets = new EventRuleSets(deps.database);
  await app.register(
    async (scope) => {
      const api = scope.withTypeProvider<TypeBoxTypeProvider>();
      registerAuthentication(api, deps);
      registerChangeOrigin(api, deps.clock);
      registerStorableInput(api);
      registerFiniteNumbers(api);
      authRoutes(api, deps);
      setupRoutes(api, deps);
      twoFactorRoutes(api, deps);
      oidcRoutes(api, deps);
      userRoutes(api, deps);
      tokenRoutes(api, deps);
      teamRoutes(api, deps);
      scheduleRoutes(api, deps);
      overrideRoutes(api, deps);
      timeOffRoutes(api, deps);
      coverageGapRoutes(api, deps);
      coverRequestRoutes(api, deps);
      onCallRoutes(api, deps);
      fairnessRoutes(api, deps);
      myOnCallRoutes(api, deps);
      calendarFeedRoutes(api, deps);
      policyRoutes(api, deps);
      pagingRoutes(api, deps);
      monitorRoutes(api, deps, integrationKeys);
      monitorHistoryRoutes(api, deps);
      incidentRoutes(api, deps);
      manualIncidentRoutes(api, deps);
      incidentAlertRoutes(api, deps);
      postmortemRoutes(api, deps);
      analyticsRoutes(api, deps);
      contactRoutes(api, deps);
      eventRuleRoutes(api, deps, eventRuleSets);
      integrationRoutes(api, deps, integrationKeys, eventRuleSets);
      auditRoutes(api, deps);
      await api.register(async (scope) => statusPageRoutes(scope.withTypeProvider<TypeBoxTypeProvider>(), deps));
      statusUpdateRoutes(api, deps);
      statusSubscriberAdminRoutes(api, deps);
      await api.register(async (scope) => incidentLinkRoutes(scope.withTypeProvider<TypeBoxTypeProvider>(), deps));
      const twilio = deps.config.twilio;
      if (twilio) await api.register(async (scope) => twilioRoutes(scope.withTypeProvider<TypeBoxTypeProvider>(), deps, twilio));
      const slack = deps.config.slack;
      if (slack) await api.register(async (scope) => slackRoutes(scope.withTypeProvider<TypeBoxTypeProvider>(), deps, slack));
      const mattermost = deps.config.mattermost;
      if (mattermost) await api.register(async (scope) => mattermostRoutes(scope.withTypeProvider<TypeBoxTypeProvider>(), deps, mattermost));
      const telegram = deps.config.telegram;
      if (telegram) telegramRoutes(api, deps, telegram);
      if (deps.testClock) testClockRoutes(api, deps.testClock);
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
    },
    { prefix: apiPrefix },
  );

  await statusSubscriberRoutes(app, deps);
  await statusPublicRoutes(app, deps);
  statusDomains.start();
  app.addHook('onClose', async () => statusDomains.stop());
  await registerWebUi(app, deps.config.webDir);
  return app;
}
