import { describe, expect, it } from 'vitest';
import { foldDiacritics, isSlug, toSlug } from '@thanh-thuy/content-types';

describe('toSlug', () => {
  it.each([
    ['Đăng ký', 'dang-ky'],
    ['Đăng ký khai sinh trực tuyến', 'dang-ky-khai-sinh-truc-tuyen'],
    ['Chuyển đổi số: nhanh, hiệu quả!', 'chuyen-doi-so-nhanh-hieu-qua'],
    ['Xã Thanh Thủy – Phú Thọ', 'xa-thanh-thuy-phu-tho'],
    ['  ĐOÀN THANH NIÊN   phủ xanh  ', 'doan-thanh-nien-phu-xanh'],
    ['Quý III/2025: 98% hồ sơ trực tuyến', 'quy-iii-2025-98-phan-tram-ho-so-truc-tuyen'],
    ['Văn hóa & Xã hội', 'van-hoa-va-xa-hoi'],
    ['Nguyễn Thị Ánh Tuyết', 'nguyen-thi-anh-tuyet'],
    ['Ứng dụng VNeID mức 2', 'ung-dung-vneid-muc-2'],
  ])('turns %j into %j', (title, slug) => {
    expect(toSlug(title)).toBe(slug);
    expect(isSlug(slug)).toBe(true);
  });

  it('gives the same slug for decomposed (NFD) and composed (NFC) input', () => {
    expect(toSlug('Đăng ký'.normalize('NFD'))).toBe('dang-ky');
  });

  it('refuses slugs with capitals, accents or spaces', () => {
    for (const bad of ['Dang-ky', 'đăng-ký', 'dang ky', '-dang', 'dang--ky', '']) expect(isSlug(bad)).toBe(false);
  });
});

describe('foldDiacritics', () => {
  it.each([
    ['chuyển đổi số', 'chuyen doi so'],
    ['Đăng ký khai sinh', 'Dang ky khai sinh'],
    ['Thanh Thủy', 'Thanh Thuy'],
    ['dịch vụ công', 'dich vu cong'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldDiacritics(text)).toBe(folded);
  });
});
