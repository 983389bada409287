// The ledger's only way out of the CMS: the cross-post runner's claim/progress/result calls,
// behind its own secret. The ledger type itself has no REST routes.
const runnerOnly = { auth: false as const, policies: ['global::is-crosspost-runner'] };

export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/crosspost/claim', handler: 'crosspost.claim', config: runnerOnly },
    { method: 'POST', path: '/crosspost/jobs/:id/progress', handler: 'crosspost.progress', config: runnerOnly },
    { method: 'POST', path: '/crosspost/jobs/:id/result', handler: 'crosspost.result', config: runnerOnly },
  ],
};
