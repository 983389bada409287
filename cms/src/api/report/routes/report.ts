// The periodic report (issue 9). The whole report goes only to `npm run report`, which holds
// REPORT_API_TOKEN; the portal's token may read the coverage of the plan's period (counts per
// theme and channel) for /ke-hoach/ (bootstrap/site-token.ts), nothing else of it.
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/report', handler: 'report.find', config: { auth: false as const, policies: ['global::is-report-client'] } },
    { method: 'GET', path: '/report/coverage', handler: 'report.coverage' },
    // The province's report (issue 13): per commune, theme and channel; for `npm run report -- --province`.
    { method: 'GET', path: '/report/province', handler: 'report.province', config: { auth: false as const, policies: ['global::is-report-client'] } },
  ],
};
