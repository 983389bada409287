import type { StrapiApp } from '@strapi/strapi/admin';

// The commune's staff work in Vietnamese: offer it, and make it the default for a browser
// that has not chosen a language yet (Strapi keeps the choice in localStorage).
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['vi'],
    translations: {
      vi: {
        'Auth.form.welcome.title': 'Chào mừng đến trang quản trị Cổng thông tin xã Thanh Thủy',
        'Auth.form.welcome.subtitle': 'Đăng nhập để viết và duyệt tin bài',
        'app.components.LeftMenu.navbrand.title': 'Xã Thanh Thủy',
        'app.components.LeftMenu.navbrand.workplace': 'Quản trị nội dung',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {
    if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, 'vi');
    }
  },
};
