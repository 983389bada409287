// The portal paths removed with "Gỡ bỏ" (issue 10), for the portal build, which answers them
// 410 Gone. Authenticated like every content-API route: the portal's token holds
// api::gone-page.gone-page.find; the public role holds nothing.
export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/gone-pages', handler: 'gone-page.find' }],
};
