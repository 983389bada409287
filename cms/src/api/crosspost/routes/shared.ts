// Where published pieces were shared, for the portal build. Authenticated like every content-API
// route: the portal's token holds api::crosspost.shared.find; the public role holds nothing.
export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/crosspost/shared', handler: 'shared.find' }],
};
