// Vietnamese messages for editors. Every message names the field by its admin label.
const q = (label: string) => `«${label}»`;
/** 63206 → "63.206", as Vietnamese writes thousands. */
const n = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export const messages = {
  required: (label: string) => `${q(label)} là bắt buộc.`,
  tooLong: (label: string, max: number) => `${q(label)} dài quá: tối đa ${max} ký tự.`,
  tooLongFor: (label: string, option: string, max: number, unit: 'character' | 'byte', size: number) =>
    unit === 'byte'
      ? `${q(label)} cho ${option} dài quá: tối đa ${n(max)} byte, hiện có ${n(size)} byte (mỗi chữ có dấu chiếm 2 đến 3 byte).`
      : `${q(label)} cho ${option} dài quá: tối đa ${n(max)} ký tự, hiện có ${n(size)}.`,
  duplicateItem: (listLabel: string, keyLabel: string, value: string) =>
    `${q(listLabel)} chỉ được có một mục cho mỗi ${keyLabel.toLowerCase()}: ${value} đang có hơn một mục.`,
  notText: (label: string) => `${q(label)} phải là văn bản.`,
  url: (label: string) => `${q(label)} phải là một địa chỉ web đầy đủ, bắt đầu bằng https:// hoặc http://.`,
  email: (label: string) => `${q(label)} phải là một địa chỉ thư điện tử hợp lệ, ví dụ: ubnd@thanhthuy.gov.vn.`,
  phone: (label: string) => `${q(label)} chỉ gồm chữ số, dấu cách, dấu chấm hoặc dấu +, ví dụ: 0210 3 812 345.`,
  procedureCode: (label: string) =>
    `${q(label)} phải theo mã trên Cổng Dịch vụ công quốc gia, ví dụ: 1.001193.`,
  slug: (label: string) =>
    `${q(label)} chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ: dang-ky-khai-sinh.`,
  commune: (label: string) => `${q(label)} là mã của một xã, phường: chữ thường không dấu và dấu gạch ngang, ví dụ: thanh-thuy.`,
  communeList: (label: string) =>
    `${q(label)} là mã các xã, phường, cách nhau bằng dấu phẩy, ví dụ: thanh-thuy, dao-xa.`,
  unknownCommune: (label: string, slugs: string[], served: string[]) =>
    `${q(label)} có ${slugs.map((s) => `"${s}"`).join(', ')} không phải xã, phường của hệ thống này (${served.join(', ')}).`,
  notYourCommune: (slug: string, yours: string[]) =>
    `bạn chỉ nhập nội dung cho ${yours.map((c) => `"${c}"`).join(', ')}, không phải cho "${slug}".`,
  communeDetailsMissing: (slug: string, issue: string | null) =>
    issue
      ? `Thông tin của xã, phường "${slug}" chưa hợp lệ (${issue}); hãy sửa mục của xã, phường này trong «Thông tin các xã, phường». Cổng thông tin giữ nguyên bản trước.`
      : `Xã, phường "${slug}" chưa có mục trong «Thông tin các xã, phường»; hãy thêm mục đó. Cổng thông tin giữ nguyên bản trước.`,
  communeProfileTaken: (slug: string) => `xã, phường "${slug}" đã có một mục thông tin; hãy sửa mục đó thay vì tạo mục mới.`,
  chooseYourCommune: (yours: string[]) => `hãy chọn «Xã, phường» của mục này: ${yours.join(', ')}.`,
  notFound: () => 'Không tìm thấy mục này, hoặc mục này không thuộc xã, phường của bạn.',
  provinceOnly: () => 'chỉ cán bộ của tỉnh được đăng tin toàn tỉnh hoặc gửi bài tới các xã, phường khác.',
  slugTaken: (label: string, slug: string, kindLabel: string) =>
    `${q(label)} "${slug}" đã được dùng cho một bài ${kindLabel.toLowerCase()} khác; hãy chọn đường dẫn khác.`,
  enumValue: (label: string, values: readonly string[]) => `${q(label)} phải là một trong: ${values.join(', ')}.`,
  number: (label: string) => `${q(label)} phải là một số.`,
  boolean: (label: string) => `${q(label)} chỉ nhận Có hoặc Không.`,
  min: (label: string, min: number) => `${q(label)} không được nhỏ hơn ${min}.`,
  date: (label: string) => `${q(label)} phải là một ngày hợp lệ.`,
  minItems: (label: string, min: number) => `${q(label)} cần ít nhất ${min} mục.`,
  altRequired: (imageLabel: string, altLabel: string) =>
    `${q(altLabel)} là bắt buộc khi có ${imageLabel.toLowerCase()}: hãy tả ngắn nội dung ảnh cho người khiếm thị.`,
  periodOrder: (startLabel: string, endLabel: string) => `${q(endLabel)} không được trước ${q(startLabel)}.`,
  requiredTheme: (label: string, themeLabels: string[]) =>
    `${q(label)} phải gồm ${themeLabels.map(q).join(', ')} cho loại nội dung này.`,
  refusedToPublish: (title: string, details: string) =>
    `Chưa thể xuất bản "${title}": ${details}`,
  refusedToSave: (details: string) => `Chưa thể lưu: ${details}`,
  untitled: 'bài chưa có tiêu đề',
  draftsRefused:
    'Bản nháp không được công khai. Chỉ mã truy cập toàn quyền mới được đọc bản nháp qua API.',
} as const;
