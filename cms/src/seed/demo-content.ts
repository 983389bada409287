// Demo content for a fresh CMS: realistic Vietnamese pieces of every kind, drawn from the
// commune's communication plan (shared/plan/ke-hoach-tuyen-truyen.md). People, phone numbers,
// residential areas and figures are invented; procedure codes follow the national format but
// are only illustrative apart from 1.001193 (đăng ký khai sinh).

export interface DemoImage {
  name: string;
  hue: number;
  motif: 'office' | 'people' | 'phone' | 'chart' | 'field' | 'shield';
}

export interface DemoPiece {
  kind: 'article' | 'model-practice' | 'service-guide' | 'fact-check';
  publishedAt: string;
  data: Record<string, unknown>;
  themes: string[];
  taskGroups: string[];
  audiences: string[];
  unit: string;
  channels: string[];
  residentialArea?: string;
  cover?: DemoImage;
  stepScreenshots?: (DemoImage | null)[];
  draft?: boolean;
}

const img = (name: string, hue: number, motif: DemoImage['motif']): DemoImage => ({ name, hue, motif });

const PORTAL = 'https://thanhthuy.phutho.gov.vn';
const DVC = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=';

const HELP_DESK =
  'Bộ phận một cửa UBND xã Thanh Thủy, tầng 1 trụ sở UBND xã (Khu 2, xã Thanh Thủy). Làm việc từ thứ Hai đến thứ Sáu, sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ; sáng thứ Bảy tiếp nhận hồ sơ. Điện thoại: 0210 3999 123. Tổ công nghệ số cộng đồng ở các khu dân cư hỗ trợ miễn phí tại nhà văn hóa khu.';

const PLAN_SOURCE = {
  title: 'Kế hoạch tuyên truyền thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị trên địa bàn xã Thanh Thủy (ngày 28/8/2025)',
  issuer: 'Ủy ban nhân dân xã Thanh Thủy',
  url: `${PORTAL}/ke-hoach-tuyen-truyen-chuyen-doi-so`,
};
const SVHTTDL_SOURCE = {
  title: 'Kế hoạch số 13/KH-SVHTTDL ngày 15/8/2025 về tuyên truyền thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả',
  issuer: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Phú Thọ',
  url: 'https://svhttdl.phutho.gov.vn',
};
const DVC_SOURCE = {
  title: 'Cổng Dịch vụ công quốc gia – tra cứu thủ tục hành chính, phí và lệ phí',
  issuer: 'Văn phòng Chính phủ',
  url: 'https://dichvucong.gov.vn',
};

export const demoResidentialAreas: { name: string; head: string; phone: string }[] = [
  { name: 'Khu 1', head: 'Nguyễn Văn Hòa', phone: '0210 3999 101' },
  { name: 'Khu 2', head: 'Trần Thị Lan', phone: '0210 3999 102' },
  { name: 'Khu 3', head: 'Phùng Văn Đức', phone: '0210 3999 103' },
  { name: 'Khu Đồng Xuân', head: 'Hà Văn Thắng', phone: '0210 3999 104' },
  { name: 'Khu Minh Tân', head: 'Đinh Thị Hằng', phone: '0210 3999 105' },
  { name: 'Khu Tiên Lâm', head: 'Lê Quang Định', phone: '0210 3999 106' },
  { name: 'Khu Đồng Lực', head: 'Bùi Văn Toàn', phone: '0210 3999 107' },
  { name: 'Khu Phú Lợi', head: 'Đỗ Thị Mai', phone: '0210 3999 108' },
  { name: 'Khu Hòa Bình', head: 'Nguyễn Đình Khải', phone: '0210 3999 109' },
];

export const demoCommune: {
  address: string;
  phone: string;
  email: string;
  workingHours: string;
  introduction: string;
  leaders: { name: string; position: string; phone?: string }[];
  socials: { platform: 'Facebook' | 'Zalo' | 'YouTube' | 'TikTok'; name: string; url: string }[];
} = {
  address: 'Trụ sở UBND xã Thanh Thủy, Khu 2, xã Thanh Thủy, tỉnh Phú Thọ',
  phone: '0210 3999 100',
  email: 'ubnd.thanhthuy@phutho.gov.vn',
  workingHours: 'Thứ Hai đến thứ Sáu: sáng 7:30–11:30, chiều 13:30–17:00; sáng thứ Bảy Bộ phận một cửa tiếp nhận hồ sơ',
  introduction: `**Xã Thanh Thủy** (tỉnh Phú Thọ) được tổ chức lại theo mô hình chính quyền địa phương hai cấp từ ngày 1/7/2025. Xã nằm bên bờ sông Đà, có 9 khu dân cư, kinh tế dựa trên nông nghiệp, dịch vụ du lịch khoáng nóng và tiểu thủ công nghiệp.

## Chuyển đổi số ở xã

Thực hiện Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo Trung ương, UBND xã đẩy mạnh **chuyển đổi số liên thông, đồng bộ**: tiếp nhận hồ sơ trực tuyến qua [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn), hướng dẫn người dân kích hoạt tài khoản định danh điện tử VNeID, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.

Trang thông tin này đăng tin bài, điển hình tiên tiến, hướng dẫn dịch vụ công và thông tin kiểm chứng, phản bác tin sai sự thật. Mọi góp ý xin gửi Phòng Văn hóa - Xã hội qua thư điện tử hoặc trực tiếp tại Bộ phận một cửa.`,
  leaders: [
    { name: 'Đặng Văn Hưng', position: 'Chủ tịch UBND xã', phone: '0210 3999 110' },
    { name: 'Lê Thị Thu Hà', position: 'Phó Chủ tịch UBND xã, phụ trách văn hóa - xã hội và chuyển đổi số', phone: '0210 3999 111' },
    { name: 'Phan Minh Khoa', position: 'Phó Chủ tịch UBND xã, phụ trách kinh tế', phone: '0210 3999 112' },
    { name: 'Nguyễn Thị Diệu Linh', position: 'Trưởng phòng Văn hóa - Xã hội' },
    { name: 'Vũ Đức Thành', position: 'Giám đốc Trung tâm Dịch vụ sự nghiệp công' },
  ],
  socials: [
    { platform: 'Facebook', name: 'Trang thông tin xã Thanh Thủy', url: 'https://www.facebook.com/xathanhthuy.phutho' },
    { platform: 'Zalo', name: 'UBND xã Thanh Thủy (Zalo OA)', url: 'https://zalo.me/xathanhthuyphutho' },
    { platform: 'YouTube', name: 'Truyền thanh xã Thanh Thủy', url: 'https://www.youtube.com/@truyenthanhxathanhthuy' },
    { platform: 'TikTok', name: 'Đoàn Thanh niên xã Thanh Thủy', url: 'https://www.tiktok.com/@doanthanhnienthanhthuy' },
  ],
};

const articles: DemoPiece[] = [
  {
    kind: 'article',
    publishedAt: '2025-08-29T10:30:00+07:00',
    data: {
      title: 'Xã Thanh Thủy triển khai Kế hoạch tuyên truyền thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả',
      summary: 'Sáng 29/8/2025, UBND xã Thanh Thủy tổ chức hội nghị triển khai Kế hoạch tuyên truyền thúc đẩy chuyển đổi số đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị. Kế hoạch được thực hiện đến hết ngày 31/12/2025 trên mọi kênh thông tin của xã.',
      body: `Sáng 29/8/2025, tại hội trường UBND xã, **UBND xã Thanh Thủy** tổ chức hội nghị triển khai Kế hoạch tuyên truyền thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị trên địa bàn xã. Dự hội nghị có lãnh đạo Đảng ủy, HĐND, UBND, Ủy ban MTTQ xã, các phòng, đơn vị trực thuộc, Công an xã, Đoàn Thanh niên và trưởng 9 khu dân cư.

## Vì sao cần một kế hoạch tuyên truyền riêng

Kế hoạch cụ thể hóa Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương, Kế hoạch hành động số 01-KHHĐ/BCĐ ngày 22/7/2025 của Ban Chỉ đạo tỉnh và Kế hoạch số 13/KH-SVHTTDL của Sở Văn hóa, Thể thao và Du lịch. Phát biểu chỉ đạo, đồng chí Lê Thị Thu Hà, Phó Chủ tịch UBND xã, nhấn mạnh: sau sắp xếp, bộ máy mới chỉ vận hành trơn tru khi **dữ liệu, quy trình và con người cùng chuyển đổi số**; người dân có hiểu, có tin thì mới dùng dịch vụ công trực tuyến.

## Tám nội dung, ba hình thức

Kế hoạch xác định tám nội dung tuyên truyền, trong đó có:

- ý nghĩa của Kế hoạch số 02 và tiến độ bảy nhóm nhiệm vụ trọng tâm;
- công tác kiểm tra, đôn đốc và vai trò của người đứng đầu;
- điển hình tiên tiến, hướng dẫn dịch vụ công trực tuyến, giải pháp công nghệ mới;
- đấu tranh, phản bác thông tin xấu độc.

Hình thức gồm hệ thống thông tin cơ sở (đài truyền thanh, cổng thông tin điện tử, bảng tin, tuyên truyền viên), các nền tảng số của cơ quan, đơn vị và việc rà quét thông tin trên báo chí, mạng xã hội.

## Phân công cụ thể

Phòng Văn hóa - Xã hội tham mưu, tổng hợp, báo cáo định kỳ; Trung tâm Dịch vụ sự nghiệp công chủ trì đăng tải trên mọi kênh; Công an xã kiểm soát, bóc gỡ thông tin sai sự thật; trưởng các khu dân cư hướng dẫn đến từng hộ. Toàn văn kế hoạch được đăng tại [Cổng thông tin điện tử xã](${PORTAL}/ke-hoach-tuyen-truyen-chuyen-doi-so).`,
      coverAlt: 'Hội trường UBND xã Thanh Thủy kín chỗ trong hội nghị triển khai kế hoạch tuyên truyền chuyển đổi số, đại biểu ngồi theo dãy bàn hướng lên sân khấu',
    },
    themes: ['y-nghia-ke-hoach'],
    taskGroups: ['the-che', 'nhan-luc'],
    audiences: ['can-bo-dang-vien', 'nguoi-dan'],
    unit: 'phong-vhxh',
    channels: ['cong-thong-tin', 'truyen-thanh', 'facebook', 'bao-chi'],
    cover: img('hoi-nghi-trien-khai-ke-hoach', 210, 'office'),
  },
  {
    kind: 'article',
    publishedAt: '2025-09-10T16:00:00+07:00',
    data: {
      title: 'Đài truyền thanh xã mở chuyên mục “Chuyển đổi số mỗi ngày”',
      summary: 'Từ ngày 10/9/2025, hệ thống truyền thanh cơ sở của xã phát chuyên mục “Chuyển đổi số mỗi ngày” vào 17 giờ 30 hằng ngày. Mỗi số dài khoảng 10 phút, dùng ngôn ngữ giản dị, gần gũi với bà con.',
      body: `Để đưa nội dung Kế hoạch tuyên truyền đến từng hộ dân, nhất là người cao tuổi ít dùng điện thoại thông minh, **Trung tâm Dịch vụ sự nghiệp công** xã Thanh Thủy mở chuyên mục “Chuyển đổi số mỗi ngày” trên hệ thống truyền thanh cơ sở.

## Nội dung chuyên mục

Mỗi tuần chuyên mục xoay vòng các chủ đề:

1. **Thứ Hai:** ý nghĩa của Kế hoạch số 02 và những thay đổi sau sắp xếp bộ máy.
2. **Thứ Tư:** hướng dẫn một thủ tục trên dịch vụ công trực tuyến, ví dụ đăng ký khai sinh, đăng ký thường trú.
3. **Thứ Sáu:** cảnh báo thủ đoạn lừa đảo qua điện thoại, tin giả về định danh điện tử.
4. **Chủ nhật:** gương người tốt, việc tốt trong chuyển đổi số ở các khu dân cư.

## Hạ tầng được nâng cấp

Song song với chuyên mục, xã thay thế 14 cụm loa có dây đã xuống cấp bằng cụm loa truyền thanh ứng dụng công nghệ thông tin - viễn thông, điều khiển từ xa qua mạng di động. Biên tập viên có thể phát bản tin khẩn đến từng khu khi có thiên tai hoặc thông tin sai lệch cần cải chính ngay.

Ông Vũ Đức Thành, Giám đốc Trung tâm, cho biết: “Loa phát thanh vẫn là kênh người dân tin nhất. Chúng tôi viết ngắn, đọc chậm, nhắc lại số điện thoại hỗ trợ ở cuối mỗi số.”

Các số đã phát được lưu trên kênh [YouTube Truyền thanh xã Thanh Thủy](https://www.youtube.com/@truyenthanhxathanhthuy) để bà con nghe lại bất cứ lúc nào.`,
      coverAlt: 'Cụm loa truyền thanh mới lắp trên cột điện đầu ngõ một khu dân cư, phía sau là mái nhà và hàng cây',
    },
    themes: ['y-nghia-ke-hoach', 'tien-do-nhiem-vu'],
    taskGroups: ['ha-tang-cong-nghe'],
    audiences: ['nguoi-dan'],
    unit: 'trung-tam-dvsnc',
    channels: ['truyen-thanh', 'youtube', 'cong-thong-tin'],
    cover: img('loa-truyen-thanh-thong-minh', 28, 'field'),
  },
  {
    kind: 'article',
    publishedAt: '2025-09-18T09:00:00+07:00',
    data: {
      title: 'Hoàn thành nâng cấp mạng nội bộ và đường truyền số liệu chuyên dùng tại trụ sở UBND xã',
      summary: 'Trụ sở UBND xã Thanh Thủy đã được kết nối mạng truyền số liệu chuyên dùng, thay mới thiết bị mạng và tường lửa. Hạ tầng mới bảo đảm hệ thống một cửa điện tử, văn bản điện tử chạy ổn định sau sắp xếp.',
      body: `Sau khi sắp xếp đơn vị hành chính, khối lượng hồ sơ và văn bản điện tử tại trụ sở UBND xã tăng gần gấp đôi. Đường truyền cũ thường xuyên chậm vào giờ cao điểm khiến việc tiếp nhận hồ sơ trực tuyến bị gián đoạn.

## Những hạng mục đã hoàn thành

- Kết nối **mạng truyền số liệu chuyên dùng** của các cơ quan Đảng, Nhà nước, tách riêng với mạng Internet công cộng;
- thay 6 bộ chuyển mạch, 1 thiết bị tường lửa, phủ sóng Wi-Fi cho khu vực Bộ phận một cửa;
- trang bị thêm 8 máy tính, 4 máy quét tài liệu tốc độ cao phục vụ số hóa hồ sơ;
- cài đặt phần mềm diệt mã độc có bản quyền, đăng ký giám sát an toàn thông tin với tỉnh.

Tổng kinh phí gần **420 triệu đồng** từ ngân sách xã năm 2025 và nguồn hỗ trợ của tỉnh, đúng với nhóm nhiệm vụ về nguồn lực tài chính trong Kế hoạch số 02.

## Hiệu quả bước đầu

Thời gian mở một bộ hồ sơ trên hệ thống một cửa điện tử giảm từ khoảng 40 giây xuống dưới 10 giây. Cán bộ ký số văn bản, liên thông văn bản điện tử với các sở, ngành không còn phải chờ đợi.

Ông Phan Minh Khoa, Phó Chủ tịch UBND xã, đề nghị các phòng, đơn vị tuân thủ quy chế bảo đảm an toàn thông tin: không cắm thiết bị lạ vào máy tính nối mạng chuyên dùng, đổi mật khẩu định kỳ, báo ngay cho bộ phận kỹ thuật khi có dấu hiệu bất thường. Hướng dẫn chi tiết đăng tại [Cổng thông tin điện tử xã](${PORTAL}/an-toan-thong-tin).`,
    },
    themes: ['tien-do-nhiem-vu'],
    taskGroups: ['ha-tang-cong-nghe', 'tai-chinh', 'an-toan-thong-tin'],
    audiences: ['can-bo-dang-vien'],
    unit: 'cac-phong-don-vi',
    channels: ['cong-thong-tin'],
  },
  {
    kind: 'article',
    publishedAt: '2025-09-24T15:30:00+07:00',
    data: {
      title: 'Tập huấn kỹ năng số cho cán bộ, công chức và tổ công nghệ số cộng đồng',
      summary: 'Hơn 120 cán bộ, công chức xã và thành viên tổ công nghệ số cộng đồng được tập huấn về dịch vụ công trực tuyến, chữ ký số và an toàn thông tin. Lớp học chia theo nhóm nhỏ, thực hành ngay trên máy.',
      body: `Trong hai ngày 23 và 24/9/2025, UBND xã Thanh Thủy phối hợp với Viễn thông Phú Thọ tổ chức lớp tập huấn kỹ năng số cho **hơn 120 học viên**, gồm cán bộ, công chức xã, trưởng các khu dân cư và thành viên tổ công nghệ số cộng đồng.

## Học gì trong hai ngày

- Tiếp nhận, xử lý hồ sơ trên hệ thống thông tin giải quyết thủ tục hành chính của tỉnh;
- sử dụng chữ ký số cá nhân trên điện thoại, văn bản điện tử liên thông;
- hướng dẫn người dân đăng ký, kích hoạt tài khoản định danh điện tử VNeID mức 2;
- nhận diện thư điện tử giả mạo, tin nhắn lừa đảo, cách bảo vệ dữ liệu cá nhân.

Học viên chia thành nhóm 10 người, mỗi nhóm có một hướng dẫn viên, thực hành trực tiếp trên môi trường thử nghiệm. Cuối khóa, mỗi người làm bài kiểm tra ngắn; 96% đạt yêu cầu.

## Đào tạo gắn với việc làm

Chị Nguyễn Thị Diệu Linh, Trưởng phòng Văn hóa - Xã hội, cho biết điểm mới của lớp là **học xong làm được ngay**: mỗi thành viên tổ công nghệ số cộng đồng nhận chỉ tiêu hỗ trợ ít nhất 20 hộ trong khu mình đăng ký dịch vụ công trực tuyến trước ngày 31/12/2025.

Tài liệu tập huấn được đăng công khai trên [Cổng thông tin điện tử xã](${PORTAL}/tai-lieu-tap-huan-ky-nang-so) để mọi người tự học thêm; người dân có thể thực hành ngay trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn).`,
      coverAlt: 'Học viên lớp tập huấn kỹ năng số ngồi theo nhóm quanh bàn, mỗi người một máy tính xách tay, hướng dẫn viên đứng giải thích',
    },
    themes: ['tien-do-nhiem-vu', 'y-nghia-ke-hoach'],
    taskGroups: ['nhan-luc', 'an-toan-thong-tin'],
    audiences: ['can-bo-dang-vien', 'doan-vien-hoi-vien'],
    unit: 'phong-vhxh',
    channels: ['cong-thong-tin', 'facebook', 'zalo'],
    cover: img('tap-huan-ky-nang-so', 150, 'people'),
  },
  {
    kind: 'article',
    publishedAt: '2025-09-27T19:00:00+07:00',
    data: {
      title: 'Đoàn Thanh niên ra quân chiến dịch “phủ xanh” thông tin tích cực trên mạng xã hội',
      summary: 'Hơn 300 đoàn viên thanh niên xã Thanh Thủy tham gia chiến dịch lan tỏa tin bài chính thống về chuyển đổi số trên Facebook, Zalo và TikTok. Chiến dịch kéo dài đến hết năm 2025.',
      body: `Tối 27/9/2025, Đoàn Thanh niên xã Thanh Thủy phối hợp với Ủy ban MTTQ xã tổ chức lễ ra quân chiến dịch **“Thanh niên Thanh Thủy phủ xanh không gian mạng”**, hưởng ứng Kế hoạch tuyên truyền thúc đẩy chuyển đổi số của xã.

## Phủ xanh là làm gì

“Phủ xanh” nghĩa là chủ động đăng, chia sẻ thông tin đúng, tích cực để thông tin xấu độc không còn chỗ đứng. Mỗi đoàn viên cam kết:

- theo dõi trang Facebook, Zalo OA của UBND xã và chia sẻ ít nhất hai tin bài mỗi tuần;
- làm video ngắn hướng dẫn dịch vụ công, đăng trên TikTok với thẻ #ThanhThuySo;
- **không chia sẻ** tin chưa rõ nguồn; gặp tin nghi sai sự thật thì báo cho Công an xã hoặc gửi về [trang kiểm chứng của xã](${PORTAL}/kiem-chung).

## Điểm đến đầu tiên

Ngay sau lễ ra quân, 12 đội hình thanh niên tình nguyện về các khu dân cư hướng dẫn bà con cài đặt ứng dụng định danh điện tử, tra cứu hồ sơ trên Cổng Dịch vụ công. Chỉ trong buổi tối đầu tiên, các đội đã hỗ trợ 186 người.

Anh Đoàn Minh Hiếu, Bí thư Đoàn xã, chia sẻ: “Thanh niên dùng mạng xã hội nhiều nhất, nên cũng phải là lực lượng đi đầu bảo vệ thông tin đúng. Mỗi lượt chia sẻ tin chính thống là một lần đẩy lùi tin giả.”

Ủy ban MTTQ xã sẽ tổng hợp, biểu dương các chi đoàn có nhiều sản phẩm truyền thông chất lượng vào dịp sơ kết cuối năm.`,
      coverAlt: 'Đoàn viên thanh niên mặc áo xanh tình nguyện giơ điện thoại trong lễ ra quân chiến dịch phủ xanh thông tin tích cực',
    },
    themes: ['y-nghia-ke-hoach'],
    taskGroups: ['an-toan-thong-tin', 'nhan-luc'],
    audiences: ['the-he-tre', 'doan-vien-hoi-vien'],
    unit: 'mttq-xa',
    channels: ['facebook', 'tiktok', 'zalo', 'cong-thong-tin'],
    cover: img('doan-thanh-nien-phu-xanh', 120, 'people'),
  },
  {
    kind: 'article',
    publishedAt: '2025-09-30T17:00:00+07:00',
    data: {
      title: 'Một tháng thực hiện Kế hoạch: tiến độ bảy nhóm nhiệm vụ trọng tâm',
      summary: 'Sau một tháng, xã Thanh Thủy đã triển khai cả bảy nhóm nhiệm vụ trọng tâm của Kế hoạch số 02. Nhóm dữ liệu và nhân lực có chuyển biến rõ nhất; nhóm thể chế còn chậm.',
      body: `Phòng Văn hóa - Xã hội vừa tổng hợp báo cáo tiến độ tháng đầu tiên thực hiện Kế hoạch tuyên truyền gắn với **bảy nhóm nhiệm vụ trọng tâm** của Kế hoạch số 02-KH/BCĐTW. Dưới đây là tóm tắt từng nhóm.

## Tiến độ từng nhóm

1. **Thể chế:** đã ban hành quy chế tiếp nhận, xử lý văn bản điện tử; quy chế phối hợp giữa Bộ phận một cửa và Công an xã đang lấy ý kiến, chậm 10 ngày so với dự kiến.
2. **Hạ tầng kỹ thuật, công nghệ:** hoàn thành kết nối mạng truyền số liệu chuyên dùng tại trụ sở; 14 cụm loa truyền thanh được thay mới.
3. **Dữ liệu:** rà soát 4.200 hồ sơ hộ tịch giấy, số hóa được 61%.
4. **Nền tảng, ứng dụng:** 100% thủ tục cấp xã được tiếp nhận trên hệ thống một cửa điện tử; Zalo OA của xã đi vào hoạt động.
5. **Nhân lực:** tập huấn 120 cán bộ và thành viên tổ công nghệ số cộng đồng.
6. **Nguồn lực tài chính:** bố trí 420 triệu đồng cho hạ tầng, 35 triệu đồng cho tuyên truyền.
7. **An toàn thông tin:** cài phần mềm phòng chống mã độc cho toàn bộ máy tính; chưa phát hiện sự cố.

## Việc cần làm tháng tới

UBND xã yêu cầu hoàn thành quy chế phối hợp trong tháng 10, đẩy nhanh số hóa hồ sơ hộ tịch và **nâng tỷ lệ hồ sơ nộp trực tuyến lên trên 70%**. Số liệu chi tiết theo từng nhóm được cập nhật trên [Cổng thông tin điện tử xã](${PORTAL}/tien-do-ke-hoach-02); người dân có thể theo dõi kết quả giải quyết hồ sơ của xã trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn).`,
      coverAlt: 'Biểu đồ cột thể hiện tiến độ bảy nhóm nhiệm vụ trọng tâm của xã sau tháng đầu thực hiện kế hoạch',
    },
    themes: ['tien-do-nhiem-vu'],
    taskGroups: ['the-che', 'ha-tang-cong-nghe', 'du-lieu', 'nen-tang-ung-dung', 'nhan-luc', 'tai-chinh', 'an-toan-thong-tin'],
    audiences: ['can-bo-dang-vien', 'nguoi-dan'],
    unit: 'phong-vhxh',
    channels: ['cong-thong-tin', 'bang-tin'],
    cover: img('tien-do-bay-nhom-nhiem-vu', 260, 'chart'),
  },
  {
    kind: 'article',
    publishedAt: '2025-10-08T08:30:00+07:00',
    data: {
      title: 'Làm sạch dữ liệu hộ tịch, đất đai phục vụ liên thông dịch vụ công',
      summary: 'Xã Thanh Thủy đang số hóa toàn bộ sổ hộ tịch và rà soát dữ liệu đất đai theo yêu cầu “đúng, đủ, sạch, sống”. Khi dữ liệu được kết nối, người dân không phải nộp lại giấy tờ cơ quan nhà nước đã có.',
      body: `Dữ liệu là một trong bảy nhóm nhiệm vụ trọng tâm của Kế hoạch số 02. Với xã Thanh Thủy, việc khó nhất là **hàng nghìn trang sổ hộ tịch giấy** từ các xã cũ trước sắp xếp, nhiều trang đã ố vàng, chữ viết tay khó đọc.

## Cách làm

- Thành lập tổ số hóa gồm công chức tư pháp - hộ tịch, địa chính và 6 đoàn viên thanh niên tình nguyện;
- quét từng trang sổ, nhập dữ liệu vào phần mềm quản lý hộ tịch điện tử, đối chiếu với Cơ sở dữ liệu quốc gia về dân cư;
- trường hợp sai lệch (sai ngày sinh, sai tên đệm) được lập danh sách, mời người dân đến đối chiếu, đính chính theo quy định;
- dữ liệu đất đai được rà soát song song, ưu tiên các thửa đất đang có hồ sơ biến động.

## Lợi ích cho người dân

Khi dữ liệu đã “sạch”, người dân làm thủ tục không cần nộp bản sao giấy khai sinh, giấy chứng nhận kết hôn nếu các giấy tờ này đã có trong cơ sở dữ liệu. Cán bộ tra cứu trực tiếp, rút ngắn thời gian giải quyết.

Đến ngày 7/10/2025, tổ số hóa đã xử lý **8.950 trang sổ**, phát hiện 214 trường hợp sai lệch cần đính chính. Người dân có thể kiểm tra thông tin của mình trên ứng dụng VNeID hoặc liên hệ Bộ phận một cửa. Nội dung yêu cầu về dữ liệu được nêu rõ trong [Kế hoạch của xã](${PORTAL}/ke-hoach-tuyen-truyen-chuyen-doi-so).`,
    },
    themes: ['tien-do-nhiem-vu'],
    taskGroups: ['du-lieu', 'the-che'],
    audiences: ['nguoi-dan', 'can-bo-dang-vien'],
    unit: 'cac-phong-don-vi',
    channels: ['cong-thong-tin', 'truyen-thanh'],
  },
  {
    kind: 'article',
    publishedAt: '2025-10-15T16:45:00+07:00',
    data: {
      title: 'Kiểm tra, đôn đốc thực hiện Kế hoạch số 02 tại các phòng, đơn vị thuộc UBND xã',
      summary: 'Đoàn kiểm tra của UBND xã đã làm việc với 6 phòng, đơn vị về tiến độ chuyển đổi số. Người đứng đầu được yêu cầu trực tiếp chỉ đạo, chịu trách nhiệm về các chỉ tiêu còn chậm.',
      body: `Từ ngày 13 đến 15/10/2025, đoàn kiểm tra do đồng chí **Đặng Văn Hưng**, Chủ tịch UBND xã, làm trưởng đoàn đã làm việc với 6 phòng, đơn vị về việc thực hiện Kế hoạch số 02 và Kế hoạch tuyên truyền của xã.

## Kết quả kiểm tra

Đoàn ghi nhận nhiều chuyển biến: 100% văn bản đi được ký số, tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến đạt 68%. Tuy nhiên vẫn còn tồn tại:

- một số công chức còn in văn bản điện tử ra giấy để trình ký rồi mới scan lại;
- Trung tâm Dịch vụ sự nghiệp công chưa cập nhật đủ số liệu tuyên truyền hằng tuần;
- quy chế phối hợp giữa Bộ phận một cửa và Công an xã chưa được ban hành.

## Vai trò người đứng đầu

Kết luận buổi kiểm tra, Chủ tịch UBND xã yêu cầu **người đứng đầu mỗi phòng, đơn vị trực tiếp chỉ đạo** và chịu trách nhiệm về chỉ tiêu chuyển đổi số của đơn vị mình; khắc phục các tồn tại trước ngày 31/10/2025; báo cáo kết quả về Phòng Văn hóa - Xã hội để tổng hợp.

Đồng chí cũng giao Văn phòng HĐND và UBND xã đưa chỉ tiêu chuyển đổi số vào tiêu chí đánh giá, xếp loại cán bộ, công chức cuối năm. Thông báo kết luận kiểm tra được đăng tại [Cổng thông tin điện tử xã](${PORTAL}/thong-bao-ket-luan-kiem-tra).`,
      coverAlt: 'Đoàn kiểm tra của UBND xã làm việc với lãnh đạo một phòng chuyên môn, trên bàn có máy tính và tập hồ sơ',
      corrections: [
        {
          date: '2025-10-16T08:20:00+07:00',
          note: 'Sửa tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến từ 86% thành 68% cho đúng số liệu của hệ thống một cửa điện tử; sửa số phòng, đơn vị được kiểm tra từ 5 thành 6.',
        },
      ],
    },
    themes: ['kiem-tra-don-doc'],
    taskGroups: ['the-che', 'nen-tang-ung-dung'],
    audiences: ['can-bo-dang-vien'],
    unit: 'phong-vhxh',
    channels: ['cong-thong-tin', 'truyen-thanh'],
    cover: img('doan-kiem-tra-don-doc', 0, 'office'),
  },
  {
    kind: 'article',
    publishedAt: '2025-10-22T10:00:00+07:00',
    data: {
      title: 'Tờ khai điện tử và trí tuệ nhân tạo: người dân không phải khai lại thông tin đã có',
      summary: 'Bộ phận một cửa xã Thanh Thủy bắt đầu dùng nền tảng tờ khai điện tử tự điền thông tin từ cơ sở dữ liệu và trợ lý ảo AI trả lời câu hỏi về thủ tục. Thời gian khai hồ sơ trung bình giảm hơn một nửa.',
      body: `Một trong sáu giải pháp công nghệ mới được Kế hoạch số 02 yêu cầu giới thiệu rộng rãi là **nền tảng tờ khai điện tử** và **trí tuệ nhân tạo (AI)** trong cung cấp dịch vụ công. Từ tháng 10/2025, cả hai đã có mặt tại xã Thanh Thủy.

## Tờ khai tự điền

Khi người dân đăng nhập bằng tài khoản định danh điện tử VNeID, tờ khai trên Cổng Dịch vụ công tự điền họ tên, ngày sinh, số định danh cá nhân, nơi cư trú từ Cơ sở dữ liệu quốc gia về dân cư. Người dân chỉ cần kiểm tra và bổ sung phần còn thiếu. Với thủ tục đăng ký khai sinh, thời gian khai giảm từ khoảng 15 phút xuống còn 5 phút.

## Trợ lý ảo trên Zalo

Trợ lý ảo trên Zalo OA của UBND xã trả lời các câu hỏi thường gặp: cần giấy tờ gì, lệ phí bao nhiêu, nộp ở đâu. Trợ lý được huấn luyện trên bộ thủ tục hành chính đã công bố của tỉnh và **luôn dẫn link nguồn chính thức**. Câu hỏi vượt khả năng được chuyển cho công chức trả lời trong giờ hành chính.

## Lưu ý khi dùng

- Trợ lý ảo không bao giờ hỏi mật khẩu, mã OTP hay yêu cầu chuyển tiền;
- thông tin cá nhân chỉ nhập trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn) hoặc ứng dụng VNeID chính thức;
- kết quả giải quyết hồ sơ vẫn do công chức có thẩm quyền quyết định, AI chỉ hỗ trợ.

Trong ba tuần đầu, trợ lý ảo đã trả lời 1.340 lượt hỏi, 87% người dùng đánh giá hài lòng.`,
      coverAlt: 'Màn hình điện thoại hiển thị cuộc trò chuyện với trợ lý ảo của UBND xã về giấy tờ cần chuẩn bị khi làm thủ tục',
    },
    themes: ['giai-phap-cong-nghe'],
    taskGroups: ['nen-tang-ung-dung', 'du-lieu'],
    audiences: ['nguoi-dan', 'doanh-nghiep'],
    unit: 'trung-tam-dvsnc',
    channels: ['cong-thong-tin', 'zalo', 'facebook', 'bao-chi'],
    cover: img('to-khai-dien-tu-tro-ly-ao', 190, 'phone'),
  },
  {
    kind: 'article',
    publishedAt: '2025-11-05T14:00:00+07:00',
    data: {
      title: 'Chủ tịch UBND xã làm việc với trưởng các khu dân cư về dịch vụ công trực tuyến',
      summary: 'Chủ tịch UBND xã Thanh Thủy đề nghị trưởng 9 khu dân cư coi việc hướng dẫn dịch vụ công trực tuyến là nhiệm vụ thường xuyên. Ba khu có tỷ lệ hồ sơ trực tuyến thấp được giao chỉ tiêu cụ thể.',
      body: `Chiều 4/11/2025, đồng chí Đặng Văn Hưng, Chủ tịch UBND xã, chủ trì buổi làm việc với **trưởng 9 khu dân cư** nhằm đôn đốc thực hiện nhiệm vụ được giao tại mục V.5 của Kế hoạch tuyên truyền: vận động, hướng dẫn, kết nối người dân dùng dịch vụ công trực tuyến.

## Chênh lệch giữa các khu

Số liệu của Bộ phận một cửa cho thấy tỷ lệ hồ sơ trực tuyến giữa các khu chênh nhau lớn: Khu Đồng Xuân đạt 91%, trong khi Khu Tiên Lâm, Khu Phú Lợi và Khu Hòa Bình chỉ đạt 45–52%. Nguyên nhân chính là tỷ lệ người cao tuổi cao, nhiều hộ chưa có điện thoại thông minh, một số người còn e ngại lộ thông tin.

## Giao việc cụ thể

- Mỗi khu lập danh sách hộ chưa có tài khoản định danh điện tử, phân công đoàn viên, hội viên kèm cặp;
- ba khu có tỷ lệ thấp phấn đấu đạt **trên 70% vào ngày 15/12/2025**;
- trưởng khu báo cáo tiến độ hằng tuần qua nhóm Zalo điều hành của xã.

Chủ tịch UBND xã nhấn mạnh: người đứng đầu khu dân cư là cầu nối gần dân nhất; “trưởng khu làm trước, làm mẫu thì bà con mới tin”. Xã sẽ biểu dương các khu hoàn thành sớm, đồng thời nhắc nhở các khu chậm tiến độ.

Danh sách tổ công nghệ số cộng đồng và số điện thoại hỗ trợ từng khu được niêm yết tại nhà văn hóa và trên [Cổng thông tin điện tử xã](${PORTAL}/khu-dan-cu).`,
    },
    themes: ['kiem-tra-don-doc'],
    taskGroups: ['nen-tang-ung-dung', 'nhan-luc'],
    audiences: ['can-bo-dang-vien', 'nguoi-dan'],
    unit: 'khu-dan-cu',
    channels: ['cong-thong-tin', 'truyen-thanh', 'tuyen-truyen-vien'],
  },
  {
    kind: 'article',
    publishedAt: '2025-11-19T09:15:00+07:00',
    data: {
      title: 'Bảng điều hành số cảnh báo sớm hồ sơ sắp quá hạn',
      summary: 'UBND xã Thanh Thủy đưa vào sử dụng bảng điều hành số, tự động cảnh báo hồ sơ thủ tục hành chính sắp đến hạn và hiển thị số liệu chuyển đổi số theo thời gian thực. Lãnh đạo xã dùng bảng này trong các cuộc giao ban hằng tuần.',
      body: `Hệ thống **cảnh báo sớm và hỗ trợ ra quyết định** là một giải pháp công nghệ mới được Kế hoạch số 02 đề cập. Tại xã Thanh Thủy, giải pháp được triển khai dưới dạng một bảng điều hành số, lấy dữ liệu trực tiếp từ hệ thống một cửa điện tử và phần mềm quản lý văn bản.

## Bảng điều hành hiển thị gì

- Số hồ sơ tiếp nhận, đang xử lý, đã trả kết quả trong ngày, trong tuần;
- danh sách hồ sơ **còn dưới 24 giờ** là đến hạn, kèm tên công chức đang xử lý;
- tỷ lệ hồ sơ nộp trực tuyến theo từng khu dân cư;
- số văn bản điện tử chưa xử lý của từng phòng, đơn vị.

## Cảnh báo đến đúng người

Khi một hồ sơ sắp quá hạn, hệ thống tự gửi tin nhắn cho công chức thụ lý và lãnh đạo phụ trách. Từ khi áp dụng, số hồ sơ trễ hạn trong tháng 11 giảm từ 7 xuống 1 hồ sơ.

Bà Lê Thị Thu Hà, Phó Chủ tịch UBND xã, cho biết: “Trước đây cuối tháng mới biết hồ sơ nào chậm. Giờ mở bảng điều hành là thấy ngay, chỉ đạo được ngay.”

## Bảo đảm an toàn dữ liệu

Bảng điều hành chỉ truy cập được trong mạng nội bộ và qua tài khoản có phân quyền; không hiển thị thông tin cá nhân của người nộp hồ sơ. Người dân vẫn theo dõi tình trạng hồ sơ của mình trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn).`,
      coverAlt: 'Màn hình lớn trong phòng họp hiển thị bảng điều hành số với các biểu đồ và danh sách hồ sơ sắp đến hạn',
    },
    themes: ['giai-phap-cong-nghe', 'kiem-tra-don-doc'],
    taskGroups: ['ha-tang-cong-nghe', 'du-lieu', 'an-toan-thong-tin'],
    audiences: ['can-bo-dang-vien'],
    unit: 'cac-phong-don-vi',
    channels: ['cong-thong-tin'],
    cover: img('bang-dieu-hanh-so', 230, 'chart'),
  },
  {
    kind: 'article',
    publishedAt: '2025-11-28T17:30:00+07:00',
    data: {
      title: 'Sơ kết ba tháng thực hiện Kế hoạch tuyên truyền chuyển đổi số: kết quả nổi bật và bài học',
      summary: 'Sau ba tháng, xã Thanh Thủy đăng hơn 160 tin bài, phát 78 số chuyên mục truyền thanh, bóc gỡ 5 thông tin sai sự thật. Tỷ lệ hồ sơ nộp trực tuyến đạt 79%, tăng 31 điểm phần trăm.',
      body: `Ngày 28/11/2025, UBND xã Thanh Thủy tổ chức hội nghị **sơ kết ba tháng** thực hiện Kế hoạch tuyên truyền thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả.

## Kết quả nổi bật

- **162 tin bài** trên cổng thông tin điện tử, 78 số chuyên mục “Chuyển đổi số mỗi ngày” trên đài truyền thanh;
- trang Facebook và Zalo OA của xã tăng thêm 4.100 người theo dõi;
- tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến đạt 79% (tháng 8 là 48%);
- 2.870 người dân được hỗ trợ kích hoạt tài khoản định danh điện tử mức 2;
- phát hiện, phản bác 5 thông tin sai sự thật; phối hợp bóc gỡ 3 bài đăng.

## Tồn tại, nguyên nhân

Tỷ lệ trực tuyến ở một số khu đông người cao tuổi còn thấp; tin bài đôi khi dùng nhiều thuật ngữ khó hiểu; việc báo cáo số liệu của một số đơn vị chưa đúng hạn. Nguyên nhân chủ yếu là nhân lực mỏng, một người kiêm nhiều việc sau sắp xếp.

## Bài học kinh nghiệm

1. Người đứng đầu vào cuộc thì việc chuyển biến nhanh.
2. Hướng dẫn “cầm tay chỉ việc” tại khu dân cư hiệu quả hơn mọi khẩu hiệu.
3. Phản bác tin sai phải **nhanh và có nguồn chính thức**, đăng trong vòng 24 giờ.

Hội nghị thống nhất nhiệm vụ tháng 12: tập trung cho ba khu còn chậm, hoàn thành số hóa sổ hộ tịch, chuẩn bị tổng kết năm. Báo cáo sơ kết gửi Sở Văn hóa, Thể thao và Du lịch và đăng tại [Cổng thông tin điện tử xã](${PORTAL}/so-ket-ba-thang).`,
      coverAlt: 'Đại biểu dự hội nghị sơ kết ba tháng, màn chiếu phía trước hiển thị biểu đồ tăng trưởng tỷ lệ hồ sơ trực tuyến',
    },
    themes: ['so-ket-tong-ket', 'tien-do-nhiem-vu'],
    taskGroups: ['nen-tang-ung-dung', 'nhan-luc', 'du-lieu', 'an-toan-thong-tin'],
    audiences: ['can-bo-dang-vien', 'nguoi-dan'],
    unit: 'phong-vhxh',
    channels: ['cong-thong-tin', 'truyen-thanh', 'facebook', 'bao-chi'],
    cover: img('so-ket-ba-thang', 45, 'chart'),
  },
  {
    kind: 'article',
    publishedAt: '2025-12-19T16:00:00+07:00',
    draft: true,
    data: {
      title: 'NHÁP – Tổng kết năm 2025 công tác tuyên truyền chuyển đổi số (chưa duyệt số liệu)',
      summary: 'Bản nháp báo cáo tổng kết, số liệu đang chờ các đơn vị gửi về. Không đăng khi chưa có ý kiến của lãnh đạo UBND xã.',
      body: `## Dàn ý

- Kết quả theo tám nội dung tuyên truyền của Kế hoạch;
- tỷ lệ hồ sơ trực tuyến cả năm (chờ số liệu Bộ phận một cửa);
- đề xuất khen thưởng tập thể, cá nhân điển hình.

**Ghi chú biên tập:** chưa kiểm tra lại tên các đồng chí được đề xuất khen thưởng.`,
    },
    themes: ['so-ket-tong-ket'],
    taskGroups: ['nhan-luc'],
    audiences: ['can-bo-dang-vien'],
    unit: 'phong-vhxh',
    channels: ['cong-thong-tin'],
  },
];

const modelPractices: DemoPiece[] = [
  {
    kind: 'model-practice',
    publishedAt: '2025-09-20T08:00:00+07:00',
    data: {
      title: 'Trưởng Khu Đồng Xuân “đi từng ngõ, gõ từng nhà” hướng dẫn định danh điện tử',
      summary: 'Ông Hà Văn Thắng, Trưởng Khu Đồng Xuân, cùng tổ công nghệ số cộng đồng giúp 312 người kích hoạt tài khoản VNeID mức 2 trong hai tháng. Khu Đồng Xuân dẫn đầu xã về tỷ lệ hồ sơ nộp trực tuyến.',
      subjectName: 'Ông Hà Văn Thắng, Trưởng Khu Đồng Xuân',
      subjectType: 'Cá nhân',
      body: `Năm nay 62 tuổi, ông **Hà Văn Thắng** tự nhận mình “không rành công nghệ”. Nhưng khi được giao nhiệm vụ hướng dẫn người dân dùng dịch vụ công trực tuyến, ông là người đầu tiên trong khu tự cài ứng dụng VNeID, tự nộp hồ sơ đăng ký thường trú cho cháu nội để “biết mà chỉ cho bà con”.

## Cách làm

- **Lập bản đồ hộ dân:** ông cùng tổ công nghệ số cộng đồng lập danh sách từng hộ, đánh dấu hộ có người cao tuổi, hộ chưa có điện thoại thông minh.
- **Hẹn giờ tại nhà:** mỗi tối từ 19 giờ đến 21 giờ, tổ chia hai nhóm đến tận nhà hướng dẫn, không bắt bà con lên nhà văn hóa.
- **Giữ một cuốn sổ tay:** ghi lại lỗi thường gặp (quên mật khẩu, ảnh chân dung mờ, sai số điện thoại) để lần sau xử lý nhanh hơn.
- **Nhóm Zalo của khu:** mỗi tuần đăng một video ngắn 1–2 phút do chính người trong khu quay, hướng dẫn một việc cụ thể.

## Không chỉ là con số

Bà Nguyễn Thị Tâm, 78 tuổi, kể: “Ông Thắng đến ba lần mới xong. Giờ tôi xem được lương hưu, thẻ bảo hiểm y tế ngay trên điện thoại.”

Ông Thắng cũng nhắc bà con cảnh giác: không ai của xã gọi điện xin mã OTP, mọi hướng dẫn đều có trên [Cổng thông tin điện tử xã](${PORTAL}/huong-dan-vneid).`,
      results: [
        { indicator: 'Người được hỗ trợ kích hoạt tài khoản VNeID mức 2', value: 312, unit: 'người' },
        { indicator: 'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến của khu', value: 91, unit: '%' },
        { indicator: 'Video hướng dẫn đăng trên nhóm Zalo khu', value: 9, unit: 'video' },
      ],
      place: 'Khu Đồng Xuân, xã Thanh Thủy',
      periodStart: '2025-07-15',
      periodEnd: '2025-09-15',
      replicable: 'Mọi khu dân cư đều có thể áp dụng: lập danh sách hộ theo nhu cầu, đến tận nhà vào buổi tối, ghi sổ lỗi thường gặp. Điều kiện cần là trưởng khu tự làm thành thạo trước và có 3–5 đoàn viên, hội viên sẵn sàng đi cùng.',
      coverAlt: 'Trưởng khu lớn tuổi ngồi cạnh một cụ bà trong sân nhà, cầm điện thoại hướng dẫn cài ứng dụng định danh điện tử',
    },
    themes: ['dien-hinh-tien-tien', 'dich-vu-cong-truc-tuyen'],
    taskGroups: ['nen-tang-ung-dung', 'nhan-luc'],
    audiences: ['nguoi-dan'],
    unit: 'khu-dan-cu',
    channels: ['cong-thong-tin', 'truyen-thanh', 'zalo'],
    residentialArea: 'Khu Đồng Xuân',
    cover: img('truong-khu-dong-xuan', 95, 'people'),
  },
  {
    kind: 'model-practice',
    publishedAt: '2025-10-04T08:00:00+07:00',
    data: {
      title: '“Bàn hỗ trợ số” tại Bộ phận một cửa: nộp hồ sơ trực tuyến ngay tại chỗ',
      summary: 'Bộ phận một cửa UBND xã Thanh Thủy bố trí bàn hỗ trợ số có công chức và đoàn viên trực, giúp người dân tự nộp hồ sơ trực tuyến thay vì nộp giấy. Sau hai tháng, 86% hồ sơ tại quầy được nộp trên môi trường điện tử.',
      subjectName: 'Bộ phận một cửa UBND xã Thanh Thủy',
      subjectType: 'Tập thể, đơn vị',
      body: `Trước đây, người dân đến Bộ phận một cửa thường mang theo tập giấy tờ, điền tờ khai giấy rồi chờ công chức nhập lại vào hệ thống. Từ tháng 8/2025, **Bộ phận một cửa** thay đổi cách làm với “Bàn hỗ trợ số” đặt ngay cửa ra vào.

## Cách làm

1. Người dân đến được hỏi ngay: có điện thoại thông minh không, đã có tài khoản định danh điện tử chưa.
2. Nếu đã có, công chức hoặc đoàn viên trực bàn hướng dẫn **tự nộp hồ sơ trực tuyến** trên điện thoại của chính mình, chụp giấy tờ bằng camera.
3. Nếu chưa có, bàn hỗ trợ kết nối với Công an xã để đăng ký tài khoản mức 2 ngay trong buổi.
4. Hồ sơ nộp tại bàn được ưu tiên xử lý; kết quả trả qua dịch vụ bưu chính hoặc bản điện tử.

## Vì sao hiệu quả

Người dân học được cách nộp hồ sơ **một lần**, lần sau tự làm ở nhà. Công chức không phải nhập liệu lại, giảm sai sót. Bàn có biển hướng dẫn cỡ chữ lớn và hai máy tính bảng cho người không mang điện thoại.

Chị Phùng Thị Ngọc, công chức văn phòng - thống kê, cho biết: “Ban đầu mất thêm 5–10 phút mỗi người, nhưng từ lần thứ hai bà con tự làm, quầy vắng hẳn.” Mô hình được giới thiệu trong [tài liệu tập huấn của xã](${PORTAL}/tai-lieu-tap-huan-ky-nang-so).`,
      results: [
        { indicator: 'Tỷ lệ hồ sơ tại quầy được nộp trực tuyến', value: 86, unit: '%' },
        { indicator: 'Lượt người được hướng dẫn tại bàn hỗ trợ số', value: 1240, unit: 'lượt' },
        { indicator: 'Thời gian chờ trung bình tại quầy', value: 12, unit: 'phút' },
      ],
      place: 'Bộ phận một cửa, trụ sở UBND xã Thanh Thủy',
      periodStart: '2025-08-01',
      periodEnd: '2025-09-30',
      replicable: 'Có thể áp dụng tại mọi điểm tiếp nhận hồ sơ: chỉ cần một bàn riêng, một đến hai người trực (có thể là đoàn viên tình nguyện), máy tính bảng và biển hướng dẫn. Cần phối hợp với Công an xã để đăng ký định danh điện tử tại chỗ.',
      coverAlt: 'Công chức trẻ đứng cạnh bàn hỗ trợ số ở Bộ phận một cửa, chỉ cho một người đàn ông trung niên thao tác trên điện thoại',
    },
    themes: ['dien-hinh-tien-tien', 'dich-vu-cong-truc-tuyen'],
    taskGroups: ['nen-tang-ung-dung'],
    audiences: ['nguoi-dan', 'can-bo-dang-vien'],
    unit: 'cac-phong-don-vi',
    channels: ['cong-thong-tin', 'facebook', 'bao-chi'],
    cover: img('ban-ho-tro-so', 170, 'office'),
  },
  {
    kind: 'model-practice',
    publishedAt: '2025-10-18T08:00:00+07:00',
    data: {
      title: 'Khu Minh Tân: bảng tin mã QR và nhóm Zalo giúp “khu dân cư số” thành hiện thực',
      summary: 'Khu Minh Tân gắn mã QR lên bảng tin để người dân quét là đọc được thông báo, hướng dẫn thủ tục, phản ánh kiến nghị. 94% hộ trong khu đã tham gia nhóm Zalo của khu.',
      subjectName: 'Khu dân cư Minh Tân',
      subjectType: 'Khu dân cư',
      body: `Bảng tin ở nhà văn hóa Khu Minh Tân trước đây dán kín giấy thông báo, mưa nắng vài hôm là bạc màu. Nay bên cạnh mỗi thông báo là một **mã QR**: quét vào là đọc được toàn văn trên cổng thông tin điện tử xã, kể cả những bản cũ.

## Những việc khu đã làm

- **Mã QR trên bảng tin:** mỗi thông báo, mỗi hướng dẫn thủ tục (đăng ký khai sinh, đăng ký thường trú…) có mã QR dẫn tới trang chính thức.
- **Nhóm Zalo của khu:** mỗi hộ ít nhất một người tham gia; ban điều hành khu quy định chỉ đăng thông tin có nguồn, không đăng quảng cáo.
- **Hòm thư góp ý điện tử:** người dân quét mã để phản ánh đường hỏng, đèn tắt, rác thải; trưởng khu chuyển về xã và trả lời công khai.
- **Tối thứ Bảy số:** hằng tuần, đoàn viên trực nhà văn hóa hỗ trợ ai cần làm thủ tục trực tuyến.

## Kết quả

Các thông báo quan trọng đến được người dân trong vòng một giờ thay vì vài ngày. Nhiều tin đồn thất thiệt (như tin “phải đổi giấy tờ sau sáp nhập”) được trưởng khu đính chính ngay trong nhóm, kèm đường link [trang kiểm chứng của xã](${PORTAL}/kiem-chung).

Bà Đinh Thị Hằng, Trưởng khu, nói vui: “Giờ họp khu vẫn họp, nhưng ai bận thì đọc biên bản trên Zalo, không ai bị bỏ lại.”`,
      results: [
        { indicator: 'Tỷ lệ hộ tham gia nhóm Zalo của khu', value: 94, unit: '%' },
        { indicator: 'Phản ánh kiến nghị qua mã QR được xử lý', value: 37, unit: 'phản ánh' },
        { indicator: 'Thông báo có mã QR trên bảng tin', value: 58, unit: 'thông báo' },
      ],
      place: 'Nhà văn hóa Khu Minh Tân, xã Thanh Thủy',
      periodStart: '2025-08-15',
      periodEnd: '2025-10-15',
      replicable: 'Cách làm đơn giản, chi phí thấp: chỉ cần máy in và tài khoản quản trị nhóm Zalo. Điều kiện là có người trong khu thành thạo tạo mã QR, và ban điều hành khu đặt quy tắc rõ ràng cho nhóm để tránh tin rác, tin chưa kiểm chứng.',
      coverAlt: 'Bảng tin nhà văn hóa khu dân cư với các tờ thông báo, mỗi tờ có một mã QR in ở góc dưới',
    },
    themes: ['dien-hinh-tien-tien'],
    taskGroups: ['nen-tang-ung-dung', 'ha-tang-cong-nghe'],
    audiences: ['nguoi-dan'],
    unit: 'khu-dan-cu',
    channels: ['bang-tin', 'zalo', 'cong-thong-tin'],
    residentialArea: 'Khu Minh Tân',
    cover: img('khu-minh-tan-ma-qr', 60, 'phone'),
  },
  {
    kind: 'model-practice',
    publishedAt: '2025-10-30T08:00:00+07:00',
    data: {
      title: 'Tổ công nghệ số cộng đồng Khu 3: mỗi thành viên “kèm” 20 hộ',
      summary: 'Tổ công nghệ số cộng đồng Khu 3 gồm 7 thành viên, mỗi người nhận kèm cặp 20 hộ dân trong việc dùng dịch vụ công, thanh toán không dùng tiền mặt và phòng tránh lừa đảo.',
      subjectName: 'Tổ công nghệ số cộng đồng Khu 3',
      subjectType: 'Tập thể, đơn vị',
      body: `Tổ công nghệ số cộng đồng Khu 3 có 7 thành viên: trưởng khu, bí thư chi đoàn, chi hội trưởng phụ nữ, công an viên và ba giáo viên đã nghỉ hưu. Điểm khác biệt của tổ là **chia hộ để kèm cặp**: mỗi thành viên phụ trách 20 hộ gần nhà mình.

## Kèm cặp những gì

- Cài đặt, kích hoạt định danh điện tử VNeID mức 2; tích hợp giấy phép lái xe, thẻ bảo hiểm y tế;
- nộp hồ sơ trực tuyến các thủ tục thường gặp, tra cứu kết quả;
- thanh toán tiền điện, nước, học phí bằng ứng dụng ngân hàng;
- nhận diện cuộc gọi giả danh công an, cán bộ xã đòi “cập nhật dữ liệu”.

## Sổ theo dõi điện tử

Tổ dùng một bảng tính chung trên điện thoại, mỗi hộ một dòng, đánh dấu việc đã hướng dẫn. Cuối tháng, tổ trưởng gửi bảng tổng hợp cho Phòng Văn hóa - Xã hội. Nhờ vậy xã biết chính xác hộ nào còn khó khăn để hỗ trợ thêm.

## Cảnh giác cùng nhau

Tháng 9/2025, một thành viên tổ kịp thời ngăn một cụ ông chuyển 25 triệu đồng cho kẻ gian giả danh cán bộ bảo hiểm xã hội. Sau vụ việc, tổ in tờ rơi “5 điều không bao giờ làm qua điện thoại” phát đến từng hộ, nội dung lấy từ [Cổng thông tin điện tử xã](${PORTAL}/canh-bao-lua-dao).`,
      results: [
        { indicator: 'Hộ dân được kèm cặp thường xuyên', value: 140, unit: 'hộ' },
        { indicator: 'Hộ thanh toán điện, nước không dùng tiền mặt', value: 118, unit: 'hộ' },
        { indicator: 'Vụ lừa đảo qua mạng được ngăn chặn kịp thời', value: 3, unit: 'vụ' },
      ],
      place: 'Khu 3, xã Thanh Thủy',
      periodStart: '2025-08-01',
      periodEnd: '2025-10-25',
      replicable: 'Chia hộ cho từng thành viên giúp trách nhiệm rõ ràng và người dân biết ngay cần hỏi ai. Nơi khác có thể học theo nếu tổ có ít nhất 5 thành viên gắn bó với khu, được tập huấn cơ bản và có một bảng theo dõi chung.',
    },
    themes: ['dien-hinh-tien-tien'],
    taskGroups: ['nhan-luc', 'an-toan-thong-tin'],
    audiences: ['nguoi-dan', 'doan-vien-hoi-vien'],
    unit: 'khu-dan-cu',
    channels: ['cong-thong-tin', 'tuyen-truyen-vien'],
    residentialArea: 'Khu 3',
  },
  {
    kind: 'model-practice',
    publishedAt: '2025-11-14T08:00:00+07:00',
    data: {
      title: 'Bí thư chi đoàn Khu Tiên Lâm và sáng kiến “Cháu dạy ông bà dùng điện thoại thông minh”',
      summary: 'Sáng kiến của chị Lê Thị Phương Thảo, Bí thư chi đoàn Khu Tiên Lâm, đưa học sinh, sinh viên về dạy ông bà dùng dịch vụ công trực tuyến. Tỷ lệ người trên 60 tuổi có tài khoản định danh điện tử tăng từ 31% lên 64%.',
      subjectName: 'Chị Lê Thị Phương Thảo, Bí thư chi đoàn Khu Tiên Lâm',
      subjectType: 'Cá nhân',
      body: `Khu Tiên Lâm có tỷ lệ người cao tuổi cao nhất xã, nhiều gia đình con cái đi làm xa. Trăn trở vì khu luôn đứng cuối bảng về dịch vụ công trực tuyến, chị **Lê Thị Phương Thảo**, Bí thư chi đoàn, đề xuất sáng kiến “Cháu dạy ông bà dùng điện thoại thông minh”.

## Sáng kiến vận hành thế nào

- Chi đoàn lập danh sách học sinh THCS, THPT, sinh viên về quê cuối tuần;
- mỗi cháu nhận “dạy” ông bà, hàng xóm lớn tuổi ba việc: **mở ứng dụng VNeID, gọi video cho con cháu, nhận diện tin nhắn lừa đảo**;
- chi đoàn soạn “phiếu học tập” cỡ chữ lớn, có hình minh họa từng bước;
- mỗi tháng một buổi “kiểm tra” vui tại nhà văn hóa, ông bà làm được thì nhận giấy khen của chi đoàn.

## Lan tỏa hai chiều

Sáng kiến không chỉ giúp người cao tuổi. Các em học sinh hiểu rõ hơn về chuyển đổi số, về dịch vụ công và trách nhiệm chia sẻ thông tin đúng. Nhiều em tự làm video hướng dẫn, đăng trên TikTok của Đoàn xã.

Ông Nguyễn Văn Đạt, 71 tuổi, tự hào: “Cháu nội dạy tôi đăng ký khai sinh trực tuyến cho chắt. Không phải đi lại, không mất đồng nào.”

Sáng kiến được Đoàn xã đề nghị nhân rộng ra toàn xã từ tháng 12/2025; hướng dẫn chi tiết đăng trên [Cổng thông tin điện tử xã](${PORTAL}/chau-day-ong-ba).`,
      results: [
        { indicator: 'Tỷ lệ người trên 60 tuổi có tài khoản định danh điện tử', value: 64, unit: '%' },
        { indicator: 'Học sinh, sinh viên tham gia', value: 46, unit: 'người' },
        { indicator: 'Người cao tuổi hoàn thành ba kỹ năng cơ bản', value: 138, unit: 'người' },
      ],
      place: 'Khu Tiên Lâm, xã Thanh Thủy',
      periodStart: '2025-09-06',
      periodEnd: '2025-11-08',
      replicable: 'Phù hợp với khu có nhiều người cao tuổi và học sinh về quê cuối tuần. Cần chi đoàn đứng ra tổ chức, phiếu học tập dễ hiểu và sự đồng ý của phụ huynh; nên giới hạn mỗi lần học không quá ba kỹ năng.',
      coverAlt: 'Một em học sinh ngồi cạnh bà nội trên hiên nhà, hai bà cháu cùng nhìn vào màn hình điện thoại',
    },
    themes: ['dien-hinh-tien-tien'],
    taskGroups: ['nhan-luc', 'nen-tang-ung-dung'],
    audiences: ['the-he-tre', 'doan-vien-hoi-vien', 'nguoi-dan'],
    unit: 'mttq-xa',
    channels: ['tiktok', 'facebook', 'cong-thong-tin'],
    residentialArea: 'Khu Tiên Lâm',
    cover: img('chau-day-ong-ba', 330, 'people'),
  },
  {
    kind: 'model-practice',
    publishedAt: '2025-12-03T08:00:00+07:00',
    data: {
      title: 'Hợp tác xã nông nghiệp Đồng Lực đưa rau an toàn lên sàn thương mại điện tử',
      summary: 'Hợp tác xã nông nghiệp Đồng Lực gắn mã QR truy xuất nguồn gốc cho sản phẩm, bán hàng qua sàn thương mại điện tử và thanh toán không dùng tiền mặt. Doanh thu trực tuyến chiếm gần 40% tổng doanh thu quý IV.',
      subjectName: 'Hợp tác xã nông nghiệp Đồng Lực',
      subjectType: 'Tập thể, đơn vị',
      body: `Hợp tác xã nông nghiệp Đồng Lực có 42 thành viên, chuyên trồng rau an toàn trên diện tích 12 ha ven sông. Trước năm 2025, sản phẩm chủ yếu bán cho thương lái, giá bấp bênh.

## Chuyển đổi số từ ruộng rau

- **Nhật ký đồng ruộng điện tử:** mỗi luống rau có nhật ký trên điện thoại, ghi ngày gieo, ngày phun, ngày thu hoạch;
- **mã QR truy xuất nguồn gốc:** người mua quét mã là thấy nơi trồng, quy trình chăm sóc;
- **gian hàng trên sàn thương mại điện tử** và trang Facebook riêng, nhận đơn giao trong ngày cho khách trong xã và lân cận;
- **thanh toán không dùng tiền mặt** bằng mã QR ngân hàng, hóa đơn điện tử.

## Chính quyền đồng hành

UBND xã hỗ trợ hợp tác xã đăng ký thay đổi thông tin trên Cổng Dịch vụ công, kết nối lớp tập huấn bán hàng trực tuyến của tỉnh, giới thiệu sản phẩm trên Zalo OA của xã. Giám đốc hợp tác xã, ông Bùi Văn Toàn, chia sẻ: “Thủ tục giờ làm trên mạng cả, đỡ được nhiều ngày công đi lại.”

## Kết quả

Giá bán bình quân tăng 15–20% nhờ minh bạch nguồn gốc; đơn đặt hàng ổn định quanh năm. Hợp tác xã đang chuẩn bị hồ sơ đề nghị công nhận sản phẩm OCOP. Thông tin về chương trình hỗ trợ doanh nghiệp, hợp tác xã chuyển đổi số xem tại [Cổng thông tin điện tử tỉnh Phú Thọ](https://phutho.gov.vn).`,
      results: [
        { indicator: 'Tỷ trọng doanh thu bán hàng trực tuyến trong quý IV', value: 38.5, unit: '%' },
        { indicator: 'Sản phẩm có mã QR truy xuất nguồn gốc', value: 17, unit: 'sản phẩm' },
        { indicator: 'Giao dịch thanh toán không dùng tiền mặt', value: 2150, unit: 'giao dịch' },
      ],
      place: 'Khu Đồng Lực, xã Thanh Thủy',
      periodStart: '2025-07-01',
      periodEnd: '2025-11-30',
      replicable: 'Các hợp tác xã, hộ kinh doanh khác có thể học cách ghi nhật ký sản xuất điện tử và gắn mã QR truy xuất nguồn gốc. Điều kiện: có ít nhất một người phụ trách bán hàng trực tuyến, quy trình sản xuất ổn định và tài khoản thanh toán doanh nghiệp.',
      coverAlt: 'Xã viên hợp tác xã thu hoạch rau trên cánh đồng ven sông, thùng rau phía trước dán tem mã QR',
    },
    themes: ['dien-hinh-tien-tien'],
    taskGroups: ['nen-tang-ung-dung', 'du-lieu'],
    audiences: ['doanh-nghiep', 'nguoi-dan'],
    unit: 'cac-phong-don-vi',
    channels: ['cong-thong-tin', 'facebook', 'bao-chi'],
    residentialArea: 'Khu Đồng Lực',
    cover: img('htx-dong-luc-thuong-mai-dien-tu', 100, 'field'),
  },
];

const guides: DemoPiece[] = [
  {
    kind: 'service-guide',
    publishedAt: '2025-09-05T08:00:00+07:00',
    data: {
      title: 'Đăng ký khai sinh trực tuyến: hướng dẫn từng bước',
      summary: 'Cha, mẹ có thể đăng ký khai sinh cho con hoàn toàn trực tuyến trên Cổng Dịch vụ công quốc gia, không phải đến UBND xã. Kết quả là bản điện tử giấy khai sinh, có giá trị như bản giấy.',
      procedureName: 'Đăng ký khai sinh',
      procedureCode: '1.001193',
      onlineLevel: 'Toàn trình',
      onlineUrl: `${DVC}1.001193`,
      eligibility: 'Cha, mẹ, ông, bà hoặc người thân thích khác có trách nhiệm đi đăng ký khai sinh cho trẻ em; cá nhân, tổ chức đang nuôi dưỡng trẻ. Thực hiện tại UBND xã nơi cư trú của cha hoặc mẹ trong thời hạn 60 ngày kể từ ngày sinh.',
      body: `Đăng ký khai sinh trực tuyến giúp cha mẹ **không phải đi lại**, đặc biệt khi mẹ và bé còn đang nghỉ sau sinh. Khi đăng nhập bằng tài khoản định danh điện tử, tờ khai tự điền thông tin của người đi đăng ký.

Có thể làm thủ tục liên thông **đăng ký khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế** cho trẻ dưới 6 tuổi trong cùng một lần nộp. Xem thêm tại [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn).`,
      documents: [
        { name: 'Tờ khai đăng ký khai sinh (điền trực tuyến)', note: 'Không cần in, ký tay' },
        { name: 'Giấy chứng sinh do cơ sở y tế cấp', note: 'Ảnh chụp hoặc bản quét rõ nét' },
        { name: 'Giấy chứng nhận kết hôn của cha mẹ', note: 'Không cần nộp nếu đã có trong cơ sở dữ liệu hộ tịch điện tử' },
      ],
      steps: [
        { text: 'Truy cập Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) hoặc ứng dụng VNeID, đăng nhập bằng tài khoản định danh điện tử mức 2.', screenshotAlt: 'Màn hình đăng nhập Cổng Dịch vụ công quốc gia với nút đăng nhập bằng tài khoản định danh điện tử' },
        { text: 'Tìm thủ tục “Đăng ký khai sinh”, chọn cơ quan thực hiện là UBND xã Thanh Thủy, tỉnh Phú Thọ.', screenshotAlt: 'Ô tìm kiếm thủ tục với từ khóa đăng ký khai sinh và danh sách kết quả' },
        { text: 'Điền tờ khai: thông tin của trẻ, của cha mẹ; tải lên ảnh giấy chứng sinh. Kiểm tra kỹ họ tên, ngày sinh trước khi gửi.', screenshotAlt: 'Biểu mẫu tờ khai điện tử với các ô thông tin của trẻ và nút tải lên tệp đính kèm' },
        { text: 'Nhận mã hồ sơ qua tin nhắn, thư điện tử; theo dõi tình trạng xử lý trong mục “Quản lý hồ sơ đã nộp”.' },
        { text: 'Nhận bản điện tử giấy khai sinh trong kho dữ liệu cá nhân; nếu cần bản giấy, đăng ký nhận qua bưu chính hoặc đến Bộ phận một cửa.' },
      ],
      fee: 'Miễn lệ phí đối với đăng ký khai sinh đúng hạn',
      processingTime: 'Ngay trong ngày làm việc nếu hồ sơ hợp lệ nộp trước 15 giờ',
      helpDesk: HELP_DESK,
      faqs: [
        { question: 'Quá 60 ngày mới đăng ký khai sinh thì có bị phạt không?', answer: 'Đăng ký quá hạn vẫn thực hiện được và vẫn miễn lệ phí, nhưng người có trách nhiệm có thể bị nhắc nhở hoặc xử phạt hành chính theo quy định. Nên đăng ký ngay khi có giấy chứng sinh.' },
        { question: 'Cha mẹ chưa đăng ký kết hôn thì khai sinh thế nào?', answer: 'Vẫn đăng ký khai sinh được; phần thông tin người cha để trống, hoặc làm kết hợp thủ tục nhận cha, con nếu có đủ giấy tờ. Liên hệ Bộ phận một cửa để được hướng dẫn cụ thể.' },
      ],
      coverAlt: 'Người mẹ bế em bé sơ sinh, tay cầm điện thoại mở trang đăng ký khai sinh trực tuyến',
    },
    themes: ['dich-vu-cong-truc-tuyen'],
    taskGroups: ['nen-tang-ung-dung', 'du-lieu'],
    audiences: ['nguoi-dan'],
    unit: 'cac-phong-don-vi',
    channels: ['cong-thong-tin', 'zalo', 'truyen-thanh'],
    cover: img('dang-ky-khai-sinh-truc-tuyen', 340, 'phone'),
    stepScreenshots: [
      img('khai-sinh-buoc-1-dang-nhap', 200, 'phone'),
      img('khai-sinh-buoc-2-tim-thu-tuc', 200, 'phone'),
      img('khai-sinh-buoc-3-to-khai', 200, 'phone'),
      null,
      null,
    ],
  },
  {
    kind: 'service-guide',
    publishedAt: '2025-09-12T08:00:00+07:00',
    data: {
      title: 'Hướng dẫn cài đặt và kích hoạt tài khoản định danh điện tử VNeID mức 2',
      summary: 'Tài khoản định danh điện tử mức 2 là “chìa khóa” để làm mọi dịch vụ công trực tuyến. Đăng ký tại Công an xã khi làm căn cước, sau đó tự kích hoạt trên ứng dụng VNeID, hoàn toàn miễn phí.',
      procedureName: 'Cấp tài khoản định danh điện tử mức độ 2 đối với công dân Việt Nam',
      procedureCode: '1.011863',
      onlineLevel: 'Một phần',
      onlineUrl: `${DVC}1.011863`,
      eligibility: 'Công dân Việt Nam từ đủ 14 tuổi trở lên có thẻ căn cước hoặc căn cước công dân gắn chip; người dưới 14 tuổi được đăng ký theo tài khoản của cha, mẹ hoặc người giám hộ.',
      body: `Tài khoản **định danh điện tử mức 2** dùng để đăng nhập Cổng Dịch vụ công quốc gia, tích hợp giấy phép lái xe, thẻ bảo hiểm y tế và thay thế nhiều loại giấy tờ khi làm thủ tục.

**Lưu ý quan trọng:** việc cấp tài khoản là **miễn phí**. Không có “dịch vụ kích hoạt nhanh” nào của cơ quan nhà nước thu tiền. Chỉ tải ứng dụng VNeID từ App Store hoặc Google Play; xem thông tin chính thức tại [vneid.gov.vn](https://vneid.gov.vn).`,
      documents: [
        { name: 'Thẻ căn cước hoặc căn cước công dân gắn chip', note: 'Bản chính, xuất trình tại Công an xã' },
        { name: 'Số điện thoại di động chính chủ', note: 'Để nhận mã kích hoạt' },
      ],
      steps: [
        { text: 'Đến Công an xã Thanh Thủy (hoặc đăng ký cùng lúc khi làm căn cước), đề nghị cấp tài khoản định danh điện tử mức 2; cán bộ chụp ảnh chân dung, thu vân tay.' },
        { text: 'Tải ứng dụng VNeID chính thức trên điện thoại thông minh, chọn “Kích hoạt tài khoản định danh điện tử”.', screenshotAlt: 'Màn hình chào của ứng dụng VNeID với nút kích hoạt tài khoản định danh điện tử' },
        { text: 'Nhập số định danh cá nhân và số điện thoại đã đăng ký, nhập mã kích hoạt nhận qua tin nhắn.', screenshotAlt: 'Ô nhập số định danh cá nhân và số điện thoại trên ứng dụng VNeID' },
        { text: 'Đặt mật khẩu và mã PIN gồm 6 chữ số; không chia sẻ cho bất kỳ ai, kể cả người tự xưng là cán bộ.', screenshotAlt: 'Màn hình tạo mã PIN sáu chữ số với bàn phím số' },
        { text: 'Đăng nhập lại, kiểm tra mục “Ví giấy tờ”; tích hợp thêm giấy phép lái xe, thẻ bảo hiểm y tế nếu có.' },
      ],
      fee: 'Miễn phí',
      processingTime: 'Không quá 15 ngày kể từ ngày đăng ký tại Công an xã; thường có tin nhắn kích hoạt sau 3–5 ngày',
      helpDesk: `Công an xã Thanh Thủy, điện thoại 0210 3999 113 (trong giờ hành chính). ${HELP_DESK}`,
      faqs: [
        { question: 'Quên mật khẩu VNeID thì làm thế nào?', answer: 'Chọn “Quên mật khẩu” trên ứng dụng, xác thực bằng số điện thoại và khuôn mặt. Nếu không được, đến Công an xã để được hỗ trợ, mang theo thẻ căn cước.' },
        { question: 'Đổi điện thoại mới có phải đăng ký lại không?', answer: 'Không cần đăng ký lại tài khoản. Chỉ cần đăng nhập trên điện thoại mới và xác thực lại thiết bị theo hướng dẫn của ứng dụng.' },
        { question: 'Có ai gọi điện đề nghị kích hoạt hộ qua đường link thì sao?', answer: 'Đó là thủ đoạn lừa đảo. Công an xã không gửi đường link kích hoạt qua tin nhắn hay mạng xã hội. Hãy cúp máy và báo cho Công an xã.' },
      ],
      coverAlt: 'Bàn tay cầm điện thoại mở ứng dụng VNeID, bên cạnh là thẻ căn cước gắn chip đặt trên bàn',
    },
    themes: ['dich-vu-cong-truc-tuyen'],
    taskGroups: ['nen-tang-ung-dung', 'an-toan-thong-tin'],
    audiences: ['nguoi-dan', 'the-he-tre'],
    unit: 'cong-an-xa',
    channels: ['cong-thong-tin', 'zalo', 'facebook', 'tiktok'],
    cover: img('kich-hoat-vneid-muc-2', 355, 'shield'),
    stepScreenshots: [
      null,
      img('vneid-buoc-2-kich-hoat', 355, 'phone'),
      img('vneid-buoc-3-nhap-so-dinh-danh', 355, 'phone'),
      img('vneid-buoc-4-tao-ma-pin', 355, 'phone'),
      null,
    ],
  },
  {
    kind: 'service-guide',
    publishedAt: '2025-09-26T08:00:00+07:00',
    data: {
      title: 'Đăng ký thường trú trực tuyến trên Cổng Dịch vụ công',
      summary: 'Người dân chuyển đến sinh sống tại xã Thanh Thủy có thể đăng ký thường trú trực tuyến, không phải nộp sổ hộ khẩu giấy. Công an xã kiểm tra và cập nhật vào Cơ sở dữ liệu quốc gia về dân cư.',
      procedureName: 'Đăng ký thường trú',
      procedureCode: '1.004194',
      onlineLevel: 'Toàn trình',
      onlineUrl: `${DVC}1.004194`,
      eligibility: 'Công dân có chỗ ở hợp pháp trên địa bàn xã Thanh Thủy thuộc sở hữu của mình, hoặc được chủ hộ, chủ sở hữu chỗ ở hợp pháp đồng ý cho đăng ký thường trú (vợ về ở với chồng, con về ở với cha mẹ…).',
      documents: [
        { name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01, điền trực tuyến)', note: 'Chủ hộ đồng ý trực tuyến qua VNeID nếu có' },
        { name: 'Giấy tờ chứng minh chỗ ở hợp pháp', note: 'Ảnh chụp giấy chứng nhận quyền sử dụng đất, hợp đồng thuê nhà…' },
        { name: 'Giấy tờ chứng minh quan hệ nhân thân với chủ hộ', note: 'Không cần nếu thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư' },
      ],
      steps: [
        { text: 'Đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản định danh điện tử, chọn thủ tục “Đăng ký thường trú”.' },
        { text: 'Chọn cơ quan thực hiện là Công an xã Thanh Thủy, tỉnh Phú Thọ; điền tờ khai CT01 (nhiều trường đã được tự điền).' },
        { text: 'Tải lên giấy tờ chứng minh chỗ ở hợp pháp; nếu ở nhờ, chủ hộ xác nhận đồng ý trên ứng dụng VNeID của mình.' },
        { text: 'Theo dõi kết quả qua tin nhắn; thông tin cư trú mới hiển thị trên ứng dụng VNeID sau khi được cập nhật.' },
      ],
      fee: 'Theo biểu phí hiện hành: 10.000 đồng/lần khi nộp trực tuyến (20.000 đồng khi nộp trực tiếp); một số đối tượng được miễn',
      processingTime: '7 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ',
      helpDesk: `Công an xã Thanh Thủy, điện thoại 0210 3999 113. ${HELP_DESK}`,
      faqs: [
        { question: 'Sau sắp xếp đơn vị hành chính, tôi có phải đăng ký thường trú lại không?', answer: 'Không. Địa chỉ thường trú được cơ quan công an tự động cập nhật theo đơn vị hành chính mới; người dân không phải làm thủ tục và không mất phí.' },
        { question: 'Tôi có cần xin xác nhận thông tin cư trú bản giấy không?', answer: 'Phần lớn trường hợp không cần: cơ quan giải quyết thủ tục tự tra cứu Cơ sở dữ liệu quốc gia về dân cư, hoặc bạn xuất trình thông tin cư trú trên ứng dụng VNeID.' },
      ],
    },
    themes: ['dich-vu-cong-truc-tuyen'],
    taskGroups: ['nen-tang-ung-dung', 'du-lieu'],
    audiences: ['nguoi-dan'],
    unit: 'cong-an-xa',
    channels: ['cong-thong-tin', 'truyen-thanh'],
  },
  {
    kind: 'service-guide',
    publishedAt: '2025-10-10T08:00:00+07:00',
    data: {
      title: 'Đăng ký kết hôn: nộp hồ sơ trực tuyến, chỉ đến xã một lần để nhận giấy chứng nhận',
      summary: 'Hai bên nam, nữ có thể nộp hồ sơ đăng ký kết hôn trực tuyến, sau đó cùng có mặt tại UBND xã một lần để ký và nhận giấy chứng nhận kết hôn.',
      procedureName: 'Đăng ký kết hôn',
      procedureCode: '1.000894',
      onlineLevel: 'Một phần',
      onlineUrl: `${DVC}1.000894`,
      eligibility: 'Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi, tự nguyện kết hôn, không thuộc trường hợp cấm kết hôn; một trong hai bên cư trú tại xã Thanh Thủy.',
      body: `Theo quy định, khi đăng ký kết hôn **hai bên phải cùng có mặt** để ký vào sổ hộ tịch và giấy chứng nhận kết hôn. Vì vậy thủ tục được thực hiện trực tuyến **một phần**: phần khai và nộp hồ sơ làm trên mạng, phần ký nhận làm tại UBND xã.

Bộ phận một cửa hẹn lịch trước qua tin nhắn để hai bạn không phải chờ đợi. Nếu muốn tổ chức trao giấy chứng nhận kết hôn trang trọng, hãy ghi chú khi nộp hồ sơ.`,
      documents: [
        { name: 'Tờ khai đăng ký kết hôn (điền trực tuyến)', note: 'Hai bên cùng khai hoặc một bên khai, bên kia xác nhận' },
        { name: 'Giấy xác nhận tình trạng hôn nhân', note: 'Chỉ cần nếu người đó cư trú ở xã, phường khác và thông tin chưa có trên cơ sở dữ liệu' },
      ],
      steps: [
        { text: 'Một bên đăng nhập Cổng Dịch vụ công bằng tài khoản định danh điện tử, chọn thủ tục “Đăng ký kết hôn”, cơ quan thực hiện là UBND xã Thanh Thủy.' },
        { text: 'Điền tờ khai, tải lên giấy tờ (nếu có) và gửi hồ sơ.', screenshotAlt: 'Trang tờ khai đăng ký kết hôn với thông tin của hai bên nam, nữ' },
        { text: 'Nhận tin nhắn hẹn ngày, giờ đến UBND xã; công chức tư pháp - hộ tịch kiểm tra hồ sơ trong thời gian chờ.' },
        { text: 'Hai bên cùng đến Bộ phận một cửa, mang theo thẻ căn cước; ký sổ hộ tịch và nhận giấy chứng nhận kết hôn (bản chính và bản điện tử).' },
      ],
      fee: 'Miễn lệ phí',
      processingTime: 'Ngay trong ngày hẹn nếu hồ sơ hợp lệ; trường hợp cần xác minh không quá 5 ngày làm việc',
      helpDesk: HELP_DESK,
      faqs: [
        { question: 'Nộp trực tuyến rồi có phải nộp thêm bản giấy không?', answer: 'Không. Hồ sơ đã nộp trực tuyến hợp lệ không phải nộp lại bản giấy; khi đến ký chỉ cần xuất trình thẻ căn cước để đối chiếu.' },
        { question: 'Một bên đang làm việc ở xa thì sao?', answer: 'Vẫn nộp trực tuyến được, nhưng ngày nhận giấy chứng nhận cả hai phải cùng có mặt. Hãy chọn ngày hẹn phù hợp khi nộp hồ sơ.' },
      ],
      coverAlt: 'Đôi bạn trẻ cùng ký giấy chứng nhận kết hôn tại quầy Bộ phận một cửa, công chức đứng phía sau quầy',
    },
    themes: ['dich-vu-cong-truc-tuyen'],
    taskGroups: ['nen-tang-ung-dung'],
    audiences: ['nguoi-dan', 'the-he-tre'],
    unit: 'cac-phong-don-vi',
    channels: ['cong-thong-tin', 'facebook'],
    cover: img('dang-ky-ket-hon', 320, 'people'),
    stepScreenshots: [null, img('ket-hon-buoc-2-to-khai', 320, 'phone'), null, null],
  },
  {
    kind: 'service-guide',
    publishedAt: '2025-10-24T08:00:00+07:00',
    data: {
      title: 'Cấp phiếu lý lịch tư pháp trực tuyến qua ứng dụng VNeID',
      summary: 'Người dân có thể đề nghị cấp phiếu lý lịch tư pháp trực tuyến, nhận bản điện tử ngay trên ứng dụng VNeID mà không phải đến Sở Tư pháp.',
      procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
      procedureCode: '2.000505',
      onlineLevel: 'Toàn trình',
      onlineUrl: `${DVC}2.000505`,
      eligibility: 'Công dân Việt Nam có tài khoản định danh điện tử mức 2, có nhu cầu cấp phiếu lý lịch tư pháp số 1 để xin việc, đi học, làm hồ sơ xuất cảnh…',
      documents: [
        { name: 'Tờ khai yêu cầu cấp phiếu lý lịch tư pháp (điền trực tuyến)', note: 'Thông tin nhân thân tự điền từ Cơ sở dữ liệu quốc gia về dân cư' },
      ],
      steps: [
        { text: 'Mở ứng dụng VNeID, chọn “Thủ tục hành chính” rồi “Cấp phiếu lý lịch tư pháp”.', screenshotAlt: 'Danh mục thủ tục hành chính trên ứng dụng VNeID, mục cấp phiếu lý lịch tư pháp được đánh dấu' },
        { text: 'Chọn loại phiếu, mục đích sử dụng, số lượng bản; kiểm tra thông tin nhân thân đã tự điền.' },
        { text: 'Thanh toán phí trực tuyến qua ngân hàng hoặc ví điện tử ngay trên ứng dụng.' },
        { text: 'Nhận thông báo khi có kết quả; phiếu lý lịch tư pháp điện tử có giá trị như bản giấy. Nếu cần bản giấy, chọn nhận qua bưu chính.' },
      ],
      fee: '200.000 đồng/lần; sinh viên, người có công với cách mạng 100.000 đồng/lần (theo biểu phí hiện hành)',
      processingTime: 'Không quá 10 ngày làm việc',
      helpDesk: `Cơ quan giải quyết: Sở Tư pháp tỉnh Phú Thọ. Hỗ trợ tại xã: ${HELP_DESK}`,
      faqs: [
        { question: 'Phiếu lý lịch tư pháp điện tử có được cơ quan, doanh nghiệp chấp nhận không?', answer: 'Có. Phiếu điện tử có chữ ký số của cơ quan cấp, có giá trị pháp lý như bản giấy; người nhận có thể kiểm tra tính xác thực bằng mã QR trên phiếu.' },
      ],
    },
    themes: ['dich-vu-cong-truc-tuyen'],
    taskGroups: ['nen-tang-ung-dung', 'du-lieu'],
    audiences: ['nguoi-dan', 'the-he-tre'],
    unit: 'trung-tam-dvsnc',
    channels: ['cong-thong-tin', 'zalo', 'tiktok'],
    stepScreenshots: [img('ly-lich-tu-phap-buoc-1', 40, 'phone'), null, null, null],
  },
  {
    kind: 'service-guide',
    publishedAt: '2025-11-07T08:00:00+07:00',
    data: {
      title: 'Cấp đổi giấy phép lái xe trực tuyến: không phải chờ, nhận tại nhà',
      summary: 'Giấy phép lái xe hết hạn hoặc cần đổi sang mẫu mới có thể đề nghị cấp đổi trực tuyến, thanh toán phí và nhận kết quả qua bưu chính.',
      procedureName: 'Đổi giấy phép lái xe do ngành Giao thông vận tải, Công an cấp',
      procedureCode: '1.002804',
      onlineLevel: 'Toàn trình',
      onlineUrl: `${DVC}1.002804`,
      eligibility: 'Người có giấy phép lái xe còn hạn hoặc quá hạn theo quy định, có tài khoản định danh điện tử mức 2 và giấy khám sức khỏe điện tử (đối với hạng xe ô tô).',
      body: `Từ ngày 1/3/2025, việc cấp, đổi giấy phép lái xe do **cơ quan Công an** thực hiện. Người dân ở xã Thanh Thủy có thể làm thủ tục **hoàn toàn trực tuyến**; giấy khám sức khỏe điện tử được cơ sở y tế đẩy lên hệ thống, không phải tải lên.

Với giấy phép lái xe mô tô (hạng A1, A) không thời hạn, người dân **không bắt buộc phải đổi**; thông tin giấy phép đã được tích hợp trên ứng dụng VNeID.`,
      documents: [
        { name: 'Đơn đề nghị đổi giấy phép lái xe (điền trực tuyến)', note: 'Không cần in, ký tay' },
        { name: 'Giấy khám sức khỏe của người lái xe', note: 'Bản điện tử đã liên thông, không cần tải lên' },
        { name: 'Ảnh chân dung', note: 'Lấy từ Cơ sở dữ liệu quốc gia về dân cư' },
      ],
      steps: [
        { text: 'Khám sức khỏe tại cơ sở y tế đủ điều kiện, đề nghị cơ sở y tế cập nhật giấy khám sức khỏe điện tử.' },
        { text: 'Đăng nhập Cổng Dịch vụ công quốc gia, chọn thủ tục đổi giấy phép lái xe, cơ quan thực hiện là Phòng Cảnh sát giao thông Công an tỉnh Phú Thọ.' },
        { text: 'Kiểm tra thông tin giấy phép cũ, chọn hình thức nhận kết quả qua bưu chính, điền địa chỉ nhận.' },
        { text: 'Thanh toán lệ phí trực tuyến; theo dõi tình trạng hồ sơ và nhận giấy phép mới tại nhà.' },
      ],
      fee: '135.000 đồng/lần cấp đổi, chưa gồm cước bưu chính',
      processingTime: 'Không quá 5 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ',
      helpDesk: `Cơ quan giải quyết: Phòng Cảnh sát giao thông Công an tỉnh Phú Thọ. Hỗ trợ tại xã: Công an xã Thanh Thủy (0210 3999 113) và ${HELP_DESK}`,
      faqs: [
        { question: 'Giấy phép cũ bị mất thì có đổi trực tuyến được không?', answer: 'Trường hợp mất giấy phép, bạn làm thủ tục cấp lại (khác thủ tục đổi). Thủ tục cấp lại cũng nộp được trực tuyến trên Cổng Dịch vụ công quốc gia.' },
        { question: 'Đang chờ giấy phép mới thì lái xe bằng gì?', answer: 'Bạn có thể xuất trình giấy phép lái xe đã tích hợp trên ứng dụng VNeID khi lực lượng chức năng kiểm tra.' },
      ],
      coverAlt: 'Giấy phép lái xe mẫu mới đặt cạnh điện thoại đang mở ứng dụng định danh điện tử',
    },
    themes: ['dich-vu-cong-truc-tuyen'],
    taskGroups: ['nen-tang-ung-dung', 'du-lieu'],
    audiences: ['nguoi-dan', 'doanh-nghiep'],
    unit: 'cong-an-xa',
    channels: ['cong-thong-tin', 'facebook'],
    cover: img('cap-doi-giay-phep-lai-xe', 15, 'shield'),
  },
  {
    kind: 'service-guide',
    publishedAt: '2025-11-21T08:00:00+07:00',
    data: {
      title: 'Thanh toán trực tuyến nghĩa vụ tài chính về đất đai',
      summary: 'Khi làm thủ tục đất đai, người dân có thể nộp tiền sử dụng đất, lệ phí trước bạ, thuế thu nhập cá nhân trực tuyến qua Cổng Dịch vụ công quốc gia, không phải đến ngân hàng hay kho bạc.',
      procedureName: 'Nộp nghĩa vụ tài chính về đất đai trực tuyến khi đăng ký biến động quyền sử dụng đất',
      procedureCode: '1.012790',
      onlineLevel: 'Một phần',
      onlineUrl: `${DVC}1.012790`,
      eligibility: 'Hộ gia đình, cá nhân, tổ chức, doanh nghiệp đã nhận thông báo nộp nghĩa vụ tài chính về đất đai của cơ quan thuế (có mã hồ sơ hoặc mã thông báo).',
      body: `Khi chuyển nhượng, tặng cho, thừa kế quyền sử dụng đất hay chuyển mục đích sử dụng đất, người dân phải nộp các khoản **nghĩa vụ tài chính** theo thông báo của cơ quan thuế. Thủ tục đăng ký đất đai vẫn cần nộp bản chính giấy chứng nhận nên được thực hiện trực tuyến **một phần**, nhưng khâu nộp tiền làm hoàn toàn trên mạng, có **biên lai điện tử** ngay.

Tra cứu thông báo nộp tiền cũng có thể thực hiện trên ứng dụng eTax Mobile của [ngành Thuế](https://www.gdt.gov.vn).`,
      documents: [
        { name: 'Thông báo nộp nghĩa vụ tài chính của cơ quan thuế', note: 'Có mã hồ sơ, gửi qua tin nhắn hoặc thư điện tử' },
        { name: 'Tài khoản ngân hàng hoặc ví điện tử đã liên kết', note: 'Chính chủ' },
      ],
      steps: [
        { text: 'Đăng nhập Cổng Dịch vụ công quốc gia, chọn “Thanh toán trực tuyến” rồi “Nghĩa vụ tài chính về đất đai”.' },
        { text: 'Nhập mã hồ sơ hoặc mã thông báo của cơ quan thuế; kiểm tra số tiền từng khoản.' },
        { text: 'Chọn ngân hàng hoặc trung gian thanh toán, xác nhận giao dịch bằng mã OTP do ngân hàng gửi.' },
        { text: 'Tải biên lai điện tử; hệ thống tự chuyển thông tin nộp tiền đến Văn phòng đăng ký đất đai để trả kết quả.' },
      ],
      fee: 'Không thu phí thanh toán trực tuyến; số tiền nghĩa vụ tài chính theo thông báo của cơ quan thuế',
      processingTime: 'Ghi nhận ngay sau khi giao dịch thành công',
      helpDesk: `Hỗ trợ về đất đai: công chức địa chính xã. ${HELP_DESK}`,
      faqs: [
        { question: 'Đã trừ tiền trong tài khoản nhưng hệ thống báo chưa nộp thì làm gì?', answer: 'Không thanh toán lại. Chụp màn hình giao dịch, liên hệ ngân hàng và Bộ phận một cửa để đối soát; thông thường trạng thái được cập nhật trong vòng một ngày làm việc.' },
        { question: 'Có ai gọi điện đề nghị chuyển tiền thuế đất vào tài khoản cá nhân?', answer: 'Tuyệt đối không chuyển. Nghĩa vụ tài chính chỉ nộp vào tài khoản của Kho bạc Nhà nước qua kênh chính thức; cán bộ không bao giờ thu hộ qua tài khoản cá nhân.' },
      ],
      coverAlt: 'Người dân cầm điện thoại xem biên lai điện tử nộp tiền sử dụng đất, phía sau là mảnh vườn trước nhà',
    },
    themes: ['dich-vu-cong-truc-tuyen'],
    taskGroups: ['nen-tang-ung-dung', 'tai-chinh'],
    audiences: ['nguoi-dan', 'doanh-nghiep'],
    unit: 'cac-phong-don-vi',
    channels: ['cong-thong-tin', 'zalo'],
    cover: img('nghia-vu-tai-chinh-dat-dai', 75, 'field'),
  },
];

const factChecks: DemoPiece[] = [
  {
    kind: 'fact-check',
    publishedAt: '2025-09-06T11:00:00+07:00',
    data: {
      title: 'Không phải đổi giấy tờ cá nhân chỉ vì thay đổi địa danh sau sắp xếp đơn vị hành chính',
      summary: 'Thông tin người dân phải đổi căn cước, giấy chứng nhận quyền sử dụng đất trước 31/12/2025 vì địa danh thay đổi là sai sự thật. Giấy tờ đã cấp vẫn có giá trị sử dụng.',
      claim: '“Sau sáp nhập xã, tỉnh, toàn bộ căn cước, sổ đỏ, giấy khai sinh ghi địa chỉ cũ sẽ hết giá trị. Ai không đổi trước 31/12/2025 sẽ bị phạt và không làm được thủ tục gì.”',
      claimPlatform: 'Facebook (nhóm mua bán, rao vặt)',
      claimUrl: 'https://www.facebook.com/groups/000000000000000/posts/000000000000001',
      claimSeenAt: '2025-09-04',
      verdict: 'Sai sự thật',
      conclusion: 'Giấy tờ cá nhân đã được cơ quan có thẩm quyền cấp trước khi sắp xếp đơn vị hành chính tiếp tục có giá trị sử dụng cho đến khi hết thời hạn; người dân không bắt buộc phải đổi chỉ vì địa danh thay đổi. Khi có nhu cầu cấp đổi, người dân làm theo thủ tục thông thường. Không có quy định phạt người không đổi giấy tờ trước ngày 31/12/2025.',
      evidence: `## Quy định hiện hành

Nghị quyết của Quốc hội về xử lý một số vấn đề liên quan đến sắp xếp tổ chức bộ máy nhà nước và các văn bản hướng dẫn của Chính phủ nêu rõ: **giấy tờ đã cấp cho cá nhân, tổ chức tiếp tục được sử dụng**, không phải làm thủ tục cấp đổi vì lý do thay đổi địa giới, tên đơn vị hành chính.

## Dữ liệu được cập nhật tự động

- Thông tin nơi cư trú trong Cơ sở dữ liệu quốc gia về dân cư được cơ quan công an **tự động cập nhật** theo tên đơn vị hành chính mới;
- người dân có thể kiểm tra trên ứng dụng VNeID, mục thông tin cư trú;
- khi làm thủ tục đất đai, hộ tịch, cán bộ tra cứu dữ liệu điện tử, không từ chối giấy tờ ghi địa danh cũ.

## Thực tế tại xã

Từ ngày 1/7/2025 đến ngày 5/9/2025, Bộ phận một cửa xã Thanh Thủy tiếp nhận **hơn 900 hồ sơ** có giấy tờ ghi địa danh cũ; không hồ sơ nào bị từ chối vì lý do này. Người dân cần tư vấn có thể gọi Bộ phận một cửa hoặc xem hướng dẫn trên [Cổng thông tin điện tử xã](${PORTAL}/hoi-dap-sau-sap-xep).`,
      sources: [
        { title: 'Thông tin chính thức về sắp xếp đơn vị hành chính và sử dụng giấy tờ đã cấp', issuer: 'Cổng Thông tin điện tử Chính phủ', url: 'https://chinhphu.vn' },
        PLAN_SOURCE,
      ],
      coverAlt: 'Căn cước gắn chip và giấy chứng nhận quyền sử dụng đất đặt trên bàn, kèm dấu tích xanh xác nhận vẫn còn giá trị',
    },
    themes: ['phan-bac-thong-tin-xau-doc'],
    taskGroups: ['the-che', 'du-lieu'],
    audiences: ['nguoi-dan'],
    unit: 'phong-vhxh',
    channels: ['cong-thong-tin', 'facebook', 'zalo', 'truyen-thanh'],
    cover: img('giay-to-van-gia-tri', 140, 'shield'),
  },
  {
    kind: 'fact-check',
    publishedAt: '2025-09-17T15:00:00+07:00',
    data: {
      title: 'Kích hoạt định danh điện tử VNeID mức 2 hoàn toàn miễn phí, không có “dịch vụ làm nhanh”',
      summary: 'Một số tài khoản mạng xã hội quảng cáo dịch vụ kích hoạt VNeID mức 2 “lấy ngay” với giá 150.000–300.000 đồng. Việc cấp tài khoản định danh điện tử là miễn phí, chỉ do cơ quan Công an thực hiện.',
      claim: '“Nhận kích hoạt VNeID mức 2 lấy ngay trong ngày, không cần lên công an, phí 200k. Gửi ảnh căn cước hai mặt và số điện thoại qua Zalo để làm hồ sơ.”',
      claimPlatform: 'TikTok, Zalo',
      claimSeenAt: '2025-09-15',
      verdict: 'Sai sự thật',
      conclusion: 'Việc cấp tài khoản định danh điện tử mức 2 là miễn phí và chỉ do cơ quan Công an thực hiện sau khi thu nhận ảnh chân dung, vân tay trực tiếp của công dân. Không có cá nhân, tổ chức nào được phép làm dịch vụ kích hoạt hộ có thu phí. Gửi ảnh căn cước, số điện thoại cho người lạ có nguy cơ bị chiếm đoạt tài khoản, vay tiền trực tuyến mạo danh.',
      evidence: `## Quy trình chính thức

Theo hướng dẫn của Bộ Công an, công dân đăng ký tài khoản mức 2 **tại cơ quan Công an** (có thể cùng lúc khi làm căn cước), sau đó tự kích hoạt trên ứng dụng VNeID bằng mã gửi về số điện thoại chính chủ. Không có bước nào thu phí. Xem [hướng dẫn của xã](${PORTAL}/huong-dan-vneid).

## Dấu hiệu lừa đảo

- Hứa hẹn “lấy ngay”, “không cần lên công an”;
- yêu cầu gửi ảnh hai mặt căn cước, ảnh chân dung cầm căn cước;
- yêu cầu chuyển khoản trước vào tài khoản cá nhân.

## Hậu quả đã ghi nhận

Trong tháng 9/2025, Công an xã Thanh Thủy tiếp nhận **2 trường hợp** người dân gửi thông tin cho các tài khoản trên và sau đó bị dùng thông tin để đăng ký vay tiền trên ứng dụng. Công an xã đã hướng dẫn người bị hại khóa tài khoản, trình báo theo quy định và đề nghị nền tảng gỡ bỏ các bài quảng cáo.`,
      sources: [
        { title: 'Hướng dẫn đăng ký, kích hoạt tài khoản định danh điện tử', issuer: 'Trung tâm Dữ liệu quốc gia về dân cư – Bộ Công an', url: 'https://vneid.gov.vn' },
        DVC_SOURCE,
      ],
      coverAlt: 'Điện thoại hiển thị quảng cáo dịch vụ kích hoạt định danh điện tử thu phí, bị gạch chéo bằng dấu X đỏ',
    },
    themes: ['phan-bac-thong-tin-xau-doc', 'dich-vu-cong-truc-tuyen'],
    taskGroups: ['an-toan-thong-tin', 'nen-tang-ung-dung'],
    audiences: ['nguoi-dan', 'the-he-tre'],
    unit: 'cong-an-xa',
    channels: ['cong-thong-tin', 'zalo', 'tiktok', 'truyen-thanh'],
    cover: img('vneid-mien-phi', 5, 'shield'),
  },
  {
    kind: 'fact-check',
    publishedAt: '2025-10-11T09:30:00+07:00',
    data: {
      title: 'Cảnh báo: giả danh cán bộ xã gửi đường link “cập nhật dữ liệu dân cư” để chiếm đoạt tài khoản',
      summary: 'Xuất hiện tin nhắn, cuộc gọi giả danh cán bộ UBND xã, Công an xã yêu cầu người dân bấm đường link để “cập nhật dữ liệu dân cư sau sáp nhập”. Đây là thủ đoạn lừa đảo; xã không thu thập dữ liệu qua đường link.',
      claim: '“UBND xã Thanh Thủy thông báo: Thực hiện chuyển đổi số sau sáp nhập, toàn bộ người dân phải cập nhật lại thông tin cư trú qua đường link dưới đây trước ngày 15/10. Quá hạn tài khoản định danh sẽ bị khóa.”',
      claimPlatform: 'Tin nhắn SMS và cuộc gọi Zalo',
      claimSeenAt: '2025-10-09',
      verdict: 'Sai sự thật',
      conclusion: 'UBND xã và Công an xã Thanh Thủy không gửi đường link, không gọi điện yêu cầu người dân cập nhật dữ liệu dân cư, không yêu cầu cung cấp mã OTP hay mật khẩu. Thông tin cư trú được cập nhật tự động theo đơn vị hành chính mới. Các tin nhắn trên nhằm cài ứng dụng giả mạo để chiếm quyền điều khiển điện thoại và tài khoản ngân hàng.',
      evidence: `## Cách kẻ gian hoạt động

1. Gửi tin nhắn mạo danh “UBND xã” hoặc gọi Zalo xưng là cán bộ công an, có ảnh đại diện mặc sắc phục;
2. dẫn người dân vào trang web **giả giao diện** Cổng Dịch vụ công hoặc đề nghị tải ứng dụng “VNeID” từ đường link lạ;
3. yêu cầu nhập mật khẩu, mã OTP, chụp khuôn mặt — rồi chiếm quyền tài khoản ngân hàng.

## Sự thật

- Tên miền chính thức của dịch vụ công có đuôi **.gov.vn**, như [dichvucong.gov.vn](https://dichvucong.gov.vn);
- ứng dụng VNeID chỉ tải từ App Store, Google Play;
- cán bộ xã **không** làm việc qua đường link gửi qua tin nhắn.

## Xử lý

Công an xã đã thông báo trên hệ thống truyền thanh và nhóm Zalo các khu dân cư, đồng thời chuyển thông tin số điện thoại, tên miền giả mạo đến cơ quan chức năng để ngăn chặn. Ai đã lỡ bấm link cần **gọi ngay cho ngân hàng để khóa tài khoản** và báo Công an xã (0210 3999 113).`,
      sources: [
        { title: 'Cảnh báo thủ đoạn giả mạo cơ quan nhà nước để lừa đảo', issuer: 'Công an tỉnh Phú Thọ', url: 'https://congan.phutho.gov.vn' },
        PLAN_SOURCE,
      ],
      coverAlt: 'Tin nhắn giả mạo chứa đường link lạ trên màn hình điện thoại, biểu tượng khiên cảnh báo màu đỏ bên cạnh',
    },
    themes: ['phan-bac-thong-tin-xau-doc'],
    taskGroups: ['an-toan-thong-tin', 'du-lieu'],
    audiences: ['nguoi-dan', 'can-bo-dang-vien'],
    unit: 'cong-an-xa',
    channels: ['truyen-thanh', 'zalo', 'facebook', 'cong-thong-tin', 'tuyen-truyen-vien'],
    cover: img('canh-bao-link-gia-mao', 350, 'shield'),
  },
  {
    kind: 'fact-check',
    publishedAt: '2025-10-29T10:00:00+07:00',
    data: {
      title: 'Nộp hồ sơ trực tuyến có phải nộp thêm hồ sơ giấy song song?',
      summary: 'Tin đồn “nộp online xong vẫn phải nộp hồ sơ giấy mới được giải quyết” là sai lệch. Hồ sơ trực tuyến hợp lệ có giá trị như hồ sơ giấy; chỉ một số thủ tục cần xuất trình bản chính khi nhận kết quả.',
      claim: '“Nộp online chỉ cho có thôi, đằng nào cũng phải mang hồ sơ giấy lên xã nộp lại một bộ nữa, không thì hồ sơ nằm đó không ai giải quyết.”',
      claimPlatform: 'Facebook (bình luận trên trang cá nhân)',
      claimSeenAt: '2025-10-26',
      verdict: 'Sai lệch',
      conclusion: 'Hồ sơ nộp trực tuyến đầy đủ, hợp lệ có giá trị pháp lý như hồ sơ giấy; cơ quan giải quyết không được yêu cầu nộp lại bản giấy các giấy tờ đã nộp điện tử. Tin đồn sai lệch ở chỗ gộp chung mọi thủ tục: một số ít thủ tục thực hiện trực tuyến một phần (như đăng ký kết hôn, đăng ký biến động đất đai) vẫn cần người dân có mặt để ký hoặc nộp bản chính giấy chứng nhận, và điều này được ghi rõ trong hướng dẫn từng thủ tục.',
      evidence: `## Quy định

Theo quy định về thực hiện thủ tục hành chính trên môi trường điện tử, **hồ sơ điện tử** nộp qua Cổng Dịch vụ công có giá trị pháp lý như hồ sơ giấy. Cơ quan giải quyết tự khai thác dữ liệu đã có trong các cơ sở dữ liệu quốc gia, không yêu cầu người dân nộp lại.

## Vì sao có tin đồn

- Với thủ tục **một phần**, người dân vẫn phải đến xã một lần (ký giấy chứng nhận kết hôn, nộp bản chính giấy chứng nhận quyền sử dụng đất);
- trước đây, một vài trường hợp được hướng dẫn chưa đúng, yêu cầu in hồ sơ. UBND xã đã chấn chỉnh trong đợt kiểm tra tháng 10/2025.

## Số liệu tại xã

Tháng 10/2025, Bộ phận một cửa giải quyết **1.126 hồ sơ trực tuyến toàn trình**, không hồ sơ nào yêu cầu nộp bản giấy. Nếu bị yêu cầu nộp giấy không đúng quy định, người dân phản ánh qua đường dây nóng 0210 3999 123 hoặc [Cổng thông tin điện tử xã](${PORTAL}/phan-anh-kien-nghi).`,
      sources: [DVC_SOURCE, PLAN_SOURCE],
    },
    themes: ['phan-bac-thong-tin-xau-doc', 'dich-vu-cong-truc-tuyen'],
    taskGroups: ['the-che', 'nen-tang-ung-dung'],
    audiences: ['nguoi-dan', 'doanh-nghiep'],
    unit: 'phong-vhxh',
    channels: ['cong-thong-tin', 'facebook'],
  },
  {
    kind: 'fact-check',
    publishedAt: '2025-11-20T16:00:00+07:00',
    data: {
      title: 'Tin “xã Thanh Thủy sắp sáp nhập tiếp, cán bộ nghỉ hàng loạt” là không có căn cứ',
      summary: 'Một số bài đăng cho rằng xã Thanh Thủy sẽ tiếp tục sáp nhập vào đầu năm 2026 và Bộ phận một cửa sẽ đóng cửa. Không có văn bản nào của cơ quan có thẩm quyền về nội dung này.',
      claim: '“Nghe nói đầu năm 2026 xã Thanh Thủy lại sáp nhập với xã bên, một nửa cán bộ xã phải nghỉ, bộ phận một cửa đóng cửa, ai có hồ sơ gì thì làm gấp trong tháng 12.”',
      claimPlatform: 'TikTok (video ngắn), chia sẻ lại trên Zalo',
      claimSeenAt: '2025-11-17',
      verdict: 'Thiếu căn cứ',
      conclusion: 'Đến thời điểm này, không có nghị quyết, quyết định hay chủ trương nào của cơ quan có thẩm quyền về việc tiếp tục sắp xếp xã Thanh Thủy. Bộ phận một cửa vẫn hoạt động bình thường và tiếp nhận hồ sơ trực tuyến 24/7. Thông tin trên không dẫn được nguồn nào, chỉ là suy đoán; người dân không cần vội vàng làm thủ tục trong tháng 12.',
      evidence: `## Đã kiểm tra những gì

- Rà soát văn bản của HĐND, UBND tỉnh Phú Thọ và Đảng ủy, UBND xã: **không có** văn bản nào về sắp xếp tiếp xã Thanh Thủy;
- Phòng Văn hóa - Xã hội đã liên hệ người đăng video đầu tiên; người này thừa nhận “nghe người khác nói lại”, không có tài liệu và đã gỡ video;
- Bộ phận một cửa vẫn làm việc theo lịch, không có kế hoạch tạm dừng.

## Vì sao tin đồn gây hại

Tin đồn khiến một số người dân vội vàng đến xã làm thủ tục chưa cần thiết, gây quá tải cục bộ trong tuần 17–21/11/2025. Một số bình luận còn lợi dụng để xuyên tạc chủ trương tinh gọn bộ máy.

## Khuyến nghị

Thông tin về tổ chức bộ máy chỉ tin khi có văn bản chính thức, đăng trên [Cổng thông tin điện tử tỉnh Phú Thọ](https://phutho.gov.vn) hoặc cổng thông tin của xã. Khi có thay đổi, UBND xã sẽ thông báo công khai, rộng rãi trên mọi kênh.`,
      sources: [
        { title: 'Cổng Thông tin điện tử tỉnh Phú Thọ – chuyên mục văn bản chỉ đạo, điều hành', issuer: 'Ủy ban nhân dân tỉnh Phú Thọ', url: 'https://phutho.gov.vn' },
        SVHTTDL_SOURCE,
      ],
      coverAlt: 'Biểu tượng dấu hỏi lớn trên nền màn hình điện thoại phát video ngắn, tượng trưng cho tin đồn chưa kiểm chứng',
    },
    themes: ['phan-bac-thong-tin-xau-doc'],
    taskGroups: ['the-che'],
    audiences: ['nguoi-dan', 'can-bo-dang-vien', 'the-he-tre'],
    unit: 'phong-vhxh',
    channels: ['cong-thong-tin', 'tiktok', 'zalo', 'truyen-thanh'],
    cover: img('tin-don-sap-nhap-tiep', 280, 'shield'),
  },
  {
    kind: 'fact-check',
    publishedAt: '2025-12-08T10:00:00+07:00',
    data: {
      title: 'Đúng: người dân có thể nộp hồ sơ tại bất kỳ điểm một cửa nào trong tỉnh, không phụ thuộc nơi cư trú',
      summary: 'Thông tin được chia sẻ nhiều trên mạng xã hội về việc làm thủ tục hành chính không phụ thuộc địa giới hành chính là đúng, với một số thủ tục có lưu ý riêng.',
      claim: '“Từ nay ở đâu làm thủ tục ở đó, người Thanh Thủy đi làm ở xã khác vẫn nộp hồ sơ được ngay tại đó, không phải về quê.”',
      claimPlatform: 'Facebook, Zalo',
      claimSeenAt: '2025-12-05',
      verdict: 'Đúng',
      conclusion: 'Thông tin cơ bản là đúng. Tỉnh Phú Thọ đã công bố danh mục thủ tục hành chính được tiếp nhận không phụ thuộc địa giới hành chính trong phạm vi tỉnh; người dân có thể nộp hồ sơ tại Bộ phận một cửa của bất kỳ xã, phường nào hoặc nộp trực tuyến. Một số thủ tục gắn với bất động sản hoặc cần xác minh tại nơi cư trú vẫn do cơ quan nơi có đất, nơi cư trú giải quyết, nhưng hồ sơ có thể được tiếp nhận và chuyển liên thông.',
      evidence: `## Căn cứ

Danh mục thủ tục tiếp nhận **không phụ thuộc địa giới hành chính** được công khai trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn) và Cổng thông tin điện tử tỉnh.

## Lưu ý khi thực hiện

- Nên kiểm tra thủ tục mình cần có trong danh mục trước khi đến;
- với thủ tục đất đai, điểm tiếp nhận chuyển hồ sơ đến cơ quan nơi có đất; thời gian giải quyết có thể dài hơn 1–2 ngày;
- cách thuận tiện nhất vẫn là **nộp trực tuyến** bằng tài khoản định danh điện tử.

Từ tháng 9 đến hết tháng 11/2025, Bộ phận một cửa xã Thanh Thủy đã tiếp nhận 214 hồ sơ của người dân cư trú ở xã, phường khác.`,
      sources: [DVC_SOURCE, { title: 'Danh mục thủ tục hành chính tiếp nhận không phụ thuộc địa giới hành chính', issuer: 'Ủy ban nhân dân tỉnh Phú Thọ', url: 'https://phutho.gov.vn' }],
    },
    themes: ['phan-bac-thong-tin-xau-doc', 'dich-vu-cong-truc-tuyen'],
    taskGroups: ['nen-tang-ung-dung', 'the-che'],
    audiences: ['nguoi-dan', 'doanh-nghiep'],
    unit: 'phong-vhxh',
    channels: ['cong-thong-tin', 'facebook', 'zalo'],
  },
  {
    kind: 'fact-check',
    publishedAt: '2025-12-15T09:00:00+07:00',
    draft: true,
    data: {
      title: 'NHÁP – Kiểm chứng tin “thu phí cài ứng dụng dịch vụ công tại nhà văn hóa khu”',
      summary: 'Bản nháp, đang xác minh với trưởng khu và Công an xã. Chưa đăng.',
      claim: '“Ở nhà văn hóa khu có người thu 50.000 đồng mỗi lần cài ứng dụng dịch vụ công, bảo là phí của xã.”',
      claimPlatform: 'Zalo (nhóm khu dân cư)',
      claimSeenAt: '2025-12-13',
      verdict: 'Thiếu căn cứ',
      conclusion: 'Đang xác minh. Xã không thu bất kỳ khoản phí nào cho việc hướng dẫn cài đặt ứng dụng; cần làm rõ người thu tiền là ai.',
      evidence: `## Việc cần làm

- Gọi cho trưởng khu xác nhận thời gian, địa điểm;
- đề nghị Công an xã xác minh người thu tiền.`,
    },
    themes: ['phan-bac-thong-tin-xau-doc'],
    taskGroups: ['an-toan-thong-tin'],
    audiences: ['nguoi-dan'],
    unit: 'cong-an-xa',
    channels: ['cong-thong-tin'],
  },
];

export const demoPieces: DemoPiece[] = [...articles, ...modelPractices, ...guides, ...factChecks];
