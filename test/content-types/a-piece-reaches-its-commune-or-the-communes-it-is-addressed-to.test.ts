import { canonicalCommuneList, communeList, communesReached, normalizeEntry, reachesCommune, validateEntry, article, type Tenancy } from '@thanh-thuy/content-types';
import { describe, expect, it } from 'vitest';

const SERVED = ['thanh-thuy', 'dao-xa', 'tu-vu'];

describe('which portals a piece appears on', () => {
  it.each<[string, Tenancy, string[]]>([
    ['a piece of one commune', { commune: 'dao-xa' }, ['dao-xa']],
    ['a province-wide piece addressed to two communes', { provinceWide: true, addressedTo: 'thanh-thuy, tu-vu' }, ['thanh-thuy', 'tu-vu']],
    ['a province-wide piece addressed to no one in particular', { provinceWide: true, addressedTo: '  ' }, SERVED],
    ['a province-wide piece that also names a commune (the address list wins)', { provinceWide: true, commune: 'dao-xa', addressedTo: 'tu-vu' }, ['tu-vu']],
    ['a piece that names no commune and is not province-wide', { commune: null, provinceWide: false }, []],
    ['an address list without province-wide (ignored: the piece is its commune’s)', { commune: 'thanh-thuy', addressedTo: 'dao-xa' }, ['thanh-thuy']],
  ])('%s', (_, piece, shownOn) => {
    expect(SERVED.filter((c) => reachesCommune(piece, c))).toEqual(shownOn);
  });
});

describe('which portals a change rebuilds', () => {
  it('rebuilds every portal for a change that names no commune: it may have left one', () => {
    expect(communesReached({}, SERVED)).toEqual({ communes: SERVED, unknown: [] });
  });

  it('rebuilds only the communes named, and returns unknown slugs apart', () => {
    expect(communesReached({ provinceWide: true, addressedTo: 'dao-xa,xa-la, dao-xa' }, SERVED)).toEqual({ communes: ['dao-xa'], unknown: ['xa-la'] });
    expect(communesReached({ commune: 'tu-vu' }, SERVED)).toEqual({ communes: ['tu-vu'], unknown: [] });
  });

  it('reads an address list with spaces and repeats as the set of slugs', () => {
    expect(communeList(' thanh-thuy ,dao-xa,, thanh-thuy ')).toEqual(['thanh-thuy', 'dao-xa']);
  });
});

describe('the tenancy fields refuse what is not a commune code, in Vietnamese', () => {
  it.each([
    ['commune', 'Thanh Thủy', '«Xã, phường» là mã của một xã, phường: chữ thường không dấu và dấu gạch ngang, ví dụ: thanh-thuy.'],
    ['addressedTo', 'thanh-thuy; dao-xa', '«Gửi tới các xã, phường» là mã các xã, phường, cách nhau bằng dấu phẩy, ví dụ: thanh-thuy, dao-xa.'],
  ])('%s = %j', (field, value, message) => {
    expect(validateEntry(article, { [field]: value }, 'draft')).toEqual([{ path: [field], message }]);
  });
});

describe('an address list is stored one way, so a commune’s read filter matches codes whole', () => {
  it('is written "a, b": trimmed, one comma and one space between codes, no repeats', () => {
    expect(canonicalCommuneList(' thanh-thuy ,dao-xa,  thanh-thuy ')).toBe('thanh-thuy, dao-xa');
    expect(normalizeEntry(article, { addressedTo: 'dao-xa ,tu-vu' }).addressedTo).toBe('dao-xa, tu-vu');
  });

  it('leaves a list that is not one as it was, for validation to refuse', () => {
    expect(canonicalCommuneList('thanh-thuy; Đào Xá')).toBe('thanh-thuy; Đào Xá');
    expect(validateEntry(article, normalizeEntry(article, { addressedTo: 'thanh-thuy; Đào Xá' }), 'draft')).toHaveLength(1);
  });
});
