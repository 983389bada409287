// Pagefind's default UI in Vietnamese; ?q= in the address starts a search (links, history).
// A large portal's index is cut into shards (site/src/lib/search-shards.ts): the search box
// lists the others in data-merge-index and pagefind merges their results.
(function () {
  var box = document.getElementById('tim-kiem');
  var merged = (box.getAttribute('data-merge-index') || '').split(' ').filter(Boolean);
  var ui = new PagefindUI({
    element: '#tim-kiem',
    // The portal's root: "/", or "/<commune>/" where a province serves portals under a path.
    baseUrl: box.getAttribute('data-base') || '/',
    mergeIndex: merged.map(function (path) { return { bundlePath: path }; }),
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    translations: {
      placeholder: 'Nhập từ cần tìm, ví dụ: dang ky khai sinh',
      clear_search: 'Xóa',
      load_more: 'Xem thêm kết quả',
      search_label: 'Tìm trên trang thông tin của xã',
      filters_label: 'Lọc',
      zero_results: 'Không tìm thấy kết quả cho [SEARCH_TERM]',
      many_results: '[COUNT] kết quả cho [SEARCH_TERM]',
      one_result: '[COUNT] kết quả cho [SEARCH_TERM]',
      alt_search: 'Không có kết quả cho [SEARCH_TERM]. Kết quả cho [DIFFERENT_TERM]:',
      search_suggestion: 'Không có kết quả cho [SEARCH_TERM]. Hãy thử:',
      searching: 'Đang tìm [SEARCH_TERM]...',
    },
  });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
