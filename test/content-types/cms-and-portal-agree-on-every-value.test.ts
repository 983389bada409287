// The CMS and the portal validate from one definition (content-types/): whatever the CMS
// accepts and stores, the portal must accept when it reads it back, or one pasted value stops
// every build. A property test over every scalar field of every kind, component and related
// taxonomy type: many values (random, and a corpus of what editors really paste), through the
// CMS's normalisation and validator, then through the portal's reading of the stored JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commune,
  componentByUid,
  contentKinds,
  normalizeEntry,
  normalizeFormatted,
  normalizeLine,
  normalizeMarkdown,
  normalizeText,
  readApiEntry,
  serviceGuide,
  factCheck,
  isMediaField,
  toSlug,
  typeBySingular,
  validateEntry,
  type ContentTypeDefinition,
  type ComponentField,
  type Field,
  type Fields,
} from '@thanh-thuy/content-types';

type Row = Record<string, unknown>;

// ---- What editors paste -------------------------------------------------------------------

const CONTROL = [...Array.from({ length: 0x20 }, (_, i) => i), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i)].map((c) => String.fromCharCode(c));
const INVISIBLE = ['\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202E', '\u2066', '\u200E', '\u3000', '\u202F', '\u2028', '\u2029', '\uFFFE'];
const BROKEN = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0301', '\u0323', '\u0309'];
const NASTY_CHARS = [' ', '\t', '\n', '\r\n', '\r', ...CONTROL, ...INVISIBLE, ...BROKEN];

const nasty = fc.constantFrom(...NASTY_CHARS);
const nastyRun = fc.array(nasty, { maxLength: 4 }).map((a) => a.join(''));

/** Whole values from the field: Word, PDFs, chat apps, hostile input, very long text. */
const CORPUS = [
  '', ' ', '\u00A0', '\u200B', '\uFEFF', '\n\n', '\t',
  'javascript:alert(1)', ' javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\u0000script:alert(1)', 'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)', 'https://', 'http://.', 'https:// dichvucong.gov.vn', 'https://dichvucong.gov.vn/a b', 'https://dichvucong.gov.vn\u00A0',
  '\u00A0https://dichvucong.gov.vn/p/home\u200B', 'https://dichvucong.gov.vn/\u202Egnp.exe', '//evil.example/x', 'https://xn--dchvcng-gov.vn/',
  'https://dichvucong.gov.vn/p/home?x=<script>', 'ftp://dichvucong.gov.vn', 'mailto:ubnd@thanhthuy.gov.vn',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', ']]></content:encoded><script>alert(1)</script>', '</script><script>alert(1)</script>',
  'Nguyễn Văn Ánh'.normalize('NFD'), 'Thanh Thủy – Phú Thọ'.normalize('NFD'), 'Đăng ký khai sinh'.normalize('NFD'), '\u0301abc', 'e\u0301\u0323',
  'x'.repeat(10_000), 'Tiêu đề '.repeat(400), 'ổ'.normalize('NFD').repeat(120),
  '2025-02-30', '2025-13-01', '2025-09-20T25:00:00Z', '20/09/2025', '2025-09-20 ', '1e3', 'NaN', 'Infinity', '-0', '０１２', '0x1F', ' 12 ',
  'ubnd@thanhthuy.gov.vn\u00A0', 'ubnd @thanhthuy.gov.vn', '0210\u00A03 812 345', '+84 210 3812345\u200B', '1.001193\u200B', ' 1.001193 ',
  'Sai sự thật'.normalize('NFD'), ' Đúng ', 'Đúng\u0007', 'true', 'false',
];

/** A value of the right shape for each field, which the validator should accept. */
function sample(field: Field): unknown {
  const cut = (s: string) => ('maxLength' in field && field.maxLength ? s.slice(0, field.maxLength) : s);
  switch (field.type) {
    case 'string':
      if (field.format === 'url') return 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html';
      if (field.format === 'email') return 'ubnd.thanhthuy@phutho.gov.vn';
      if (field.format === 'phone') return '0210 3 812 345';
      if (field.format === 'procedure-code') return '1.001193';
      if (field.format === 'commune') return 'thanh-thuy';
      if (field.format === 'commune-list') return 'thanh-thuy, dao-xa';
      return cut('Hội nghị triển khai chuyển đổi số');
    case 'text':
      return cut('Sáng 28/8, UBND xã tổ chức hội nghị.\nDòng thứ hai.');
    case 'markdown':
      return '## Nội dung\n\nHội nghị quán triệt **Kế hoạch số 02**.';
    case 'slug':
      return 'hoi-nghi-trien-khai';
    case 'enum':
      return field.values[field.values.length - 1];
    case 'boolean':
      return true;
    case 'date':
      return '2025-09-20';
    case 'datetime':
      return '2025-10-16T01:20:00.000Z';
    case 'integer':
      return 3;
    case 'decimal':
      return 82.5;
    default:
      return null;
  }
}

/** The values to try in a field: valid ones dressed in pasted junk, the corpus, and random text. */
function valuesFor(field: Field): fc.Arbitrary<unknown> {
  const core = fc.constant(sample(field));
  const asText = core.map(String);
  const dressed = fc.tuple(nastyRun, asText, nastyRun).map(([a, v, b]) => a + v + b);
  const infix = fc.tuple(asText, nasty, fc.nat()).map(([v, c, at]) => v.slice(0, at % (v.length + 1)) + c + v.slice(at % (v.length + 1)));
  const options: Array<fc.Arbitrary<unknown>> = [
    core,
    dressed,
    infix,
    fc.constantFrom(...CORPUS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(...NASTY_CHARS, 'a', 'ă', 'Đ', '1', '.', ':', '/', '@', '-'), maxLength: 30 }),
    fc.tuple(asText, fc.string({ unit: 'grapheme', maxLength: 8 })).map(([v, s]) => v + s),
    fc.constantFrom(null, undefined),
  ];
  if (field.type === 'integer' || field.type === 'decimal') options.push(fc.double(), fc.integer(), fc.double().map(String));
  if (field.type === 'boolean') options.push(fc.boolean(), fc.anything());
  if (field.type === 'enum') options.push(fc.constantFrom(...field.values).chain((v) => fc.tuple(nastyRun, fc.constant(v), nastyRun).map(([a, x, b]) => a + x.normalize('NFD') + b)));
  return fc.oneof(...options);
}

// ---- Entries ----------------------------------------------------------------------------------

const TAXONOMY_KEYS: Record<string, string> = { theme: 'y-nghia-ke-hoach', unit: 'phong-vhxh', 'task-group': 'nhom-1', channel: 'cong-thong-tin', audience: 'can-bo' };

/** A related entry as Strapi populates it: its own scalar fields, complete. */
function related(target: string, key?: string): Row {
  const fields = typeBySingular(target).fields;
  const row: Row = { id: 1, documentId: `rel${target.replace(/-/g, '')}` };
  for (const [name, field] of Object.entries(fields)) if (sample(field) !== null) row[name] = sample(field);
  if ('key' in fields) row.key = key ?? TAXONOMY_KEYS[target] ?? 'ma';
  return row;
}

function completeItem(fields: Fields): Row {
  return Object.fromEntries(Object.entries(fields).filter(([, f]) => !isMediaField(f)).map(([n, f]) => [n, sample(f)]));
}

/** A second item that may stand beside `first`: another value where the list allows one item per value. */
function secondItem(field: ComponentField, first: Row): Row {
  if (!field.uniqueBy) return first;
  const key = componentByUid(field.component).fields[field.uniqueBy];
  if (key.type !== 'enum') throw new Error(`${field.component}.${field.uniqueBy}: uniqueBy on a ${key.type} field needs a second value here`);
  return { ...first, [field.uniqueBy]: key.values.find((v) => v !== sample(key)) };
}

/** A complete published entry of `type` as the REST API serves it, accepted by both sides. */
function baseEntry(type: ContentTypeDefinition): Row {
  const entry: Row = { id: 7, documentId: 'abcdefghijklmnopqrstuvwx', createdAt: '2025-09-01T01:00:00.000Z', updatedAt: '2025-09-01T01:00:00.000Z', publishedAt: '2025-09-01T01:00:00.000Z' };
  const required = (type as { requiredThemes?: readonly string[] }).requiredThemes ?? [];
  for (const [name, field] of Object.entries(type.fields)) {
    if (isMediaField(field)) entry[name] = null;
    else if (field.type === 'component') entry[name] = [{ id: 1, ...completeItem(componentByUid(field.component).fields) }];
    else if (field.type === 'relation') entry[name] = field.many ? [related(field.target, name === 'themes' ? required[0] : undefined)] : related(field.target);
    else entry[name] = sample(field);
  }
  return entry;
}

/** What the CMS stores: normalizeEntry, and a typed slug folded (cms/src/documents/validate-content.ts settleSlug). */
function cmsStores(type: ContentTypeDefinition, entry: Row): { stored: Row; accepted: boolean } {
  const stored = normalizeEntry(type, entry);
  for (const [name, field] of Object.entries(type.fields)) {
    if (field.type !== 'slug' || typeof stored[name] !== 'string' || stored[name] === '') continue;
    const folded = toSlug(stored[name] as string);
    if (!folded) return { stored, accepted: false };
    stored[name] = folded;
  }
  return { stored, accepted: validateEntry(type, stored, 'publish').length === 0 };
}

/** A taxonomy entry is stored by its own type: the CMS checks it as that type. */
function cmsStoresRelated(target: string, row: Row): { stored: Row; accepted: boolean } {
  const type = typeBySingular(target);
  const stored = normalizeEntry(type, row);
  return { stored, accepted: validateEntry(type, stored, 'publish').length === 0 };
}

interface Probe {
  name: string;
  type: ContentTypeDefinition;
  field: Field;
  /** Puts a value in the field; returns the entry as the CMS would store it, and its verdict. */
  store: (value: unknown) => { stored: Row; accepted: boolean; raw: unknown; kept: unknown };
}

const isScalar = (f: Field) => !isMediaField(f) && !['relation', 'component'].includes(f.type);

function probesOf(type: ContentTypeDefinition): Probe[] {
  const probes: Probe[] = [];
  for (const [name, field] of Object.entries(type.fields)) {
    if (isScalar(field)) {
      probes.push({
        name: `${type.singular}.${name}`,
        type,
        field,
        store: (value) => {
          const { stored, accepted } = cmsStores(type, { ...baseEntry(type), [name]: value });
          return { stored, accepted, raw: value, kept: stored[name] };
        },
      });
    } else if (field.type === 'component') {
      for (const [sub, subField] of Object.entries(componentByUid(field.component).fields).filter(([, f]) => isScalar(f))) {
        probes.push({
          name: `${type.singular}.${name}[].${sub}`,
          type,
          field: subField,
          store: (value) => {
            const entry = baseEntry(type);
            const items = entry[name] as Row[];
            entry[name] = [{ ...items[0], [sub]: value }, secondItem(field, items[0])];
            const { stored, accepted } = cmsStores(type, entry);
            return { stored, accepted, raw: value, kept: (stored[name] as Row[])[0][sub] };
          },
        });
      }
    } else if (field.type === 'relation') {
      for (const [sub, subField] of Object.entries(typeBySingular(field.target).fields).filter(([n, f]) => isScalar(f) && n !== 'key')) {
        probes.push({
          name: `${type.singular}.${name} → ${field.target}.${sub}`,
          type,
          field: subField,
          store: (value) => {
            const entry = baseEntry(type);
            const current = field.many ? (entry[name] as Row[])[0] : (entry[name] as Row);
            const target = cmsStoresRelated(field.target, { ...current, [sub]: value });
            entry[name] = field.many ? [target.stored] : target.stored;
            const own = cmsStores(type, entry);
            return { stored: own.stored, accepted: target.accepted && own.accepted, raw: value, kept: target.stored[sub] };
          },
        });
      }
    }
  }
  return probes;
}

const TYPES = [...contentKinds, commune];
const PROBES = TYPES.flatMap(probesOf);

describe('the CMS and the portal agree', () => {
  it('the base entries are accepted by both sides (the property below is not vacuous)', () => {
    for (const type of TYPES) {
      const { stored, accepted } = cmsStores(type, baseEntry(type));
      expect(validateEntry(type, stored, 'publish'), type.singular).toEqual([]);
      expect(accepted).toBe(true);
      const read = readApiEntry(type, JSON.parse(JSON.stringify(stored)));
      expect(read.success ? '' : read.issue.detail, type.singular).toBe('');
    }
  });

  it.each(PROBES.map((p) => [p.name, p] as const))('every value the CMS stores in %s, the portal reads', (_name, probe) => {
    let accepted = 0;
    let cleaned = 0;
    fc.assert(
      fc.property(valuesFor(probe.field), (value) => {
        const { stored, accepted: ok, raw, kept } = probe.store(value);
        if (!ok) return;
        accepted++;
        if (typeof raw === 'string' && raw !== kept) cleaned++;
        // Through JSON, as Strapi stores and serves it.
        const read = readApiEntry(probe.type, JSON.parse(JSON.stringify(stored)));
        if (!read.success) throw new Error(`the CMS stored ${JSON.stringify(kept)} (pasted as ${JSON.stringify(raw)}) but the portal refuses it: ${read.issue.detail}`);
      }),
      { numRuns: 120, seed: 20251226 },
    );
    // Some of the values tried were accepted, and some of those only after cleaning.
    expect(accepted).toBeGreaterThan(10);
    if (probe.field.type !== 'boolean') expect(cleaned).toBeGreaterThan(0);
  });
});

describe('what the CMS stores', () => {
  // XML 1.0 Char production: what an RSS reader accepts.
  const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: fc.constantFrom(...NASTY_CHARS, 'a', 'ư', ' ', '#', '-'), maxLength: 60 }),
    fc.constantFrom(...CORPUS),
  );

  it.each([
    ['a one-line value', normalizeLine, false],
    ['a formatted value', normalizeFormatted, false],
    ['plain text', normalizeText, true],
    ['Markdown', normalizeMarkdown, true],
  ] as const)('%s is NFC, has no control character, invisible mark or broken surrogate, no blank ends, and is stable', (_name, normalize, multiline) => {
    fc.assert(
      fc.property(anyText, (value) => {
        const out = normalize(value);
        expect(out).toBe(out.normalize('NFC'));
        expect(out).toMatch(XML_CHARS);
        expect(out).not.toMatch(multiline ? /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/ : /[\u0000-\u001F\u007F-\u009F]/);
        expect(out).not.toMatch(LONE_SURROGATE);
        expect(out).not.toMatch(/[\u200B\uFEFF\u202A-\u202E\u2066-\u2069\u2028\u2029]/);
        expect(out).not.toMatch(/\s$/);
        if (!multiline) expect(out).not.toMatch(/^\s/);
        expect(normalize(out)).toBe(out);
      }),
      { numRuns: 2000, seed: 20251226 },
    );
  });

  it('a link pasted with a trailing non-breaking space is stored without it, and read by the portal', () => {
    const { stored, accepted } = cmsStores(serviceGuide, { ...baseEntry(serviceGuide), onlineUrl: 'https://dichvucong.gov.vn/p/home\u00A0' });
    expect(accepted).toBe(true);
    expect(stored.onlineUrl).toBe('https://dichvucong.gov.vn/p/home');
    expect(readApiEntry(serviceGuide, stored).success).toBe(true);
  });

  it('a title with a control character from Word is stored without it', () => {
    const { stored } = cmsStores(factCheck, { ...baseEntry(factCheck), title: 'Cảnh báo\u0007 giả mạo\u000B cán bộ', claim: 'Dòng 1\r\nDòng 2\u0000' });
    // The bell is dropped; the vertical tab is a line break, which a one-line title turns into a space.
    expect(stored.title).toBe('Cảnh báo giả mạo  cán bộ');
    expect(stored.claim).toBe('Dòng 1\nDòng 2');
  });

  it('a javascript: link is refused by both sides', () => {
    const { accepted } = cmsStores(serviceGuide, { ...baseEntry(serviceGuide), onlineUrl: 'javascript:alert(1)' });
    expect(accepted).toBe(false);
    expect(readApiEntry(serviceGuide, { ...baseEntry(serviceGuide), onlineUrl: 'javascript:alert(1)' }).success).toBe(false);
  });
});
