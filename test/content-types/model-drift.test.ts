import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allTypes, components, contentKinds, outreachActivity, sighting, strapiFiles, taxonomy, uidOf } from '@thanh-thuy/content-types';

const root = resolve(import.meta.dirname, '..', '..');

describe('the content model has one definition', () => {
  it('content-types/taxonomy.json is the plan’s taxonomy.json, unchanged', () => {
    const plan = resolve(root, '..', 'shared', 'plan', 'taxonomy.json');
    expect(existsSync(plan), `the plan's taxonomy is expected at ${plan}`).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'content-types', 'src', 'taxonomy.json'), 'utf8'))).toEqual(
      JSON.parse(readFileSync(plan, 'utf8')),
    );
  });

  it.each([...strapiFiles().keys()])('cms/%s is what content-types/ generates', (relative) => {
    const path = join(root, 'cms', relative);
    expect(existsSync(path), `${relative} is missing: run npm run generate`).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(strapiFiles().get(relative));
  });

  it('no Strapi schema exists that content-types/ does not define', () => {
    const onDisk = (readdirSync(join(root, 'cms', 'src'), { recursive: true }) as string[])
      .map((p) => `src/${p}`)
      .filter((p) => /^src\/api\/[^/]+\/content-types\/[^/]+\/schema\.json$|^src\/components\/[^/]+\/[^/]+\.json$/.test(p))
      .sort();
    const generated = [...strapiFiles().keys()].filter((p) => p.endsWith('.json')).sort();
    expect(onDisk).toEqual(generated);
  });

  it('defines the plan’s four kinds with the REST names the portal uses', () => {
    expect(contentKinds.map((k) => k.plural)).toEqual(['articles', 'model-practices', 'service-guides', 'fact-checks']);
    expect(allTypes.filter((t) => !t.draftAndPublish && t.kind === 'collectionType').map((t) => t.plural)).toEqual([
      'themes', 'task-groups', 'channels', 'units', 'audiences', 'residential-areas', 'commune-profiles',
    ]);
  });

  it('gives each kind the themes the plan assigns to it', () => {
    for (const kind of taxonomy.contentKinds) {
      const def = contentKinds.find((k) => k.key === kind.key);
      expect(def, kind.key).toBeDefined();
      expect(def!.requiredThemes).toEqual(kind.themes === 'any' ? [] : kind.themes);
    }
  });

  it.each(contentKinds.map((k) => [k.key, k] as const))('%s has draft and publish, slug, sapo, cover with alt, taxonomy and change notes', (_key, kind) => {
    expect(kind.draftAndPublish).toBe(true);
    for (const field of ['title', 'slug', 'summary', 'cover', 'coverAlt', 'themes', 'taskGroups', 'audiences', 'unit', 'channels', 'corrections']) {
      expect(kind.fields, `${uidOf(kind)} lacks ${field}`).toHaveProperty(field);
    }
  });

  it('labels every field and component in Vietnamese', () => {
    // Letters of the Vietnamese alphabet only (no f, j, w, z; no other language's accents),
    // and at least one letter only Vietnamese has: "Title" or "Tên file" is not Vietnamese.
    // A label without such a letter must be a word Vietnamese editors use as it is.
    const VIETNAMESE_ONLY = 'ăâđêôơưàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ';
    const ALPHABET = new RegExp(`^[a-eg-ik-vxy${VIETNAMESE_ONLY}]$`, 'u');
    const SPECIFIC = new RegExp(`[${VIETNAMESE_ONLY}]`, 'u');
    const PLAIN_WORDS = new Set(['Sapo']);
    const labels = [
      // The internal monitoring types are read by editors too (the cross-post ledger is machine states).
      ...[...allTypes, sighting, outreachActivity].flatMap((t) => [t.displayName, ...Object.values(t.fields).map((f) => f.label)]),
      ...components.flatMap((c) => [c.displayName, ...Object.values(c.fields).map((f) => f.label)]),
    ];
    for (const label of labels) {
      const letters = [...label.normalize('NFC').toLowerCase()].filter((ch) => /\p{L}/u.test(ch));
      expect(letters.filter((ch) => !ALPHABET.test(ch)), `«${label}» has letters Vietnamese does not use`).toEqual([]);
      expect(SPECIFIC.test(label.toLowerCase()) || PLAIN_WORDS.has(label), `«${label}» has no Vietnamese letter`).toBe(true);
    }
  });
});
