import { describe, expect, it } from 'vitest';
import { readAloud } from '../../site/src/lib/radio/read-aloud.ts';
import { readNumber } from '../../site/src/lib/radio/read-number.ts';

describe('numbers are read as a northern radio reader says them', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [28, 'hai mươi tám'],
    [100, 'một trăm'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [2025, 'hai nghìn không trăm hai mươi lăm'],
    [1_000_000, 'một triệu'],
    [1_250_000, 'một triệu hai trăm năm mươi nghìn'],
    [3_000_500, 'ba triệu năm trăm'],
    [2_000_000_000, 'hai tỷ'],
  ])('%i → %s', (n, words) => {
    expect(readNumber(n)).toBe(words);
  });
});

describe('a radio script writes out what the reader says', () => {
  it.each([
    ['28/8/2025', 'ngày hai mươi tám tháng tám năm hai nghìn không trăm hai mươi lăm'],
    ['Từ ngày 28/8/2025 đến hết ngày 31/12/2025.', 'Từ ngày hai mươi tám tháng tám năm hai nghìn không trăm hai mươi lăm đến hết ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi lăm.'],
    ['họp ngày 04/04', 'họp ngày bốn tháng tư'],
    ['Ngày 28/11/2025, UBND xã họp.', 'Ngày hai mươi tám tháng mười một năm hai nghìn không trăm hai mươi lăm, Ủy ban nhân dân xã họp.'],
    ['Tháng 4 có 30 ngày', 'Tháng tư có ba mươi ngày'],
    ['trong tháng 10/2025', 'trong tháng mười năm hai nghìn không trăm hai mươi lăm'],
    ['UBND xã và HĐND xã', 'Ủy ban nhân dân xã và Hội đồng nhân dân xã'],
    ['Nghị định số 30/2020/NĐ-CP', 'Nghị định số ba mươi năm hai nghìn không trăm hai mươi của Chính phủ'],
    ['Kế hoạch số 01-KHHĐ/BCĐ', 'Kế hoạch số không một của Ban Chỉ đạo'],
    ['lúc 7h30 sáng', 'lúc bảy giờ ba mươi phút sáng'],
    ['từ 14:00', 'từ mười bốn giờ'],
    ['lệ phí 50.000 đồng', 'lệ phí năm mươi nghìn đồng'],
    ['lệ phí 1.250.000đ', 'lệ phí một triệu hai trăm năm mươi nghìn đồng'],
    ['đạt 95,5%', 'đạt chín mươi lăm phẩy năm phần trăm'],
    ['gọi 0210 3826 123', 'gọi không hai một không, ba tám hai sáu, một hai ba'],
    ['từ 8-10 người', 'từ tám đến mười người'],
    ['cách 5 km', 'cách năm ki-lô-mét'],
    ['truy cập dichvucong.gov.vn để nộp', 'truy cập dichvucong chấm gov chấm vn để nộp'],
    ['có 1.500 hộ dân', 'có một nghìn năm trăm hộ dân'],
    ['Đảng & Nhà nước', 'Đảng và Nhà nước'],
    ['phí 200k.', 'phí hai trăm nghìn.'],
    ['tiếp nhận hồ sơ 24/7', 'tiếp nhận hồ sơ hai mươi tư trên bảy'],
    ['tờ khai CT01', 'tờ khai xê tê không một'],
    ['bằng lái hạng A1', 'bằng lái hạng a một'],
  ])('%s', (text, spoken) => {
    expect(readAloud(text)).toBe(spoken);
  });

  it('leaves words that merely contain an abbreviation alone', () => {
    expect(readAloud('UBNDX và TPHCM')).toBe('UBNDX và TPHCM');
  });

  it('leaves a number that is not a date as a number', () => {
    expect(readAloud('tỷ lệ 45/50')).toBe('tỷ lệ bốn mươi lăm/năm mươi');
  });
});
