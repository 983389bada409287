import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { DemoImage } from './demo-content';

// Demo pictures are drawn, not shipped: an abstract scene per motif (no text, so no fonts
// needed), rendered by sharp to a 1600×900 JPEG like a photo an editor would upload.
const motifs: Record<DemoImage['motif'], (hue: number) => string> = {
  office: (h) => `<rect x="260" y="300" width="1080" height="520" rx="24" fill="hsl(${h},35%,82%)"/><rect x="360" y="380" width="240" height="160" fill="hsl(${h},45%,60%)"/><rect x="680" y="380" width="240" height="160" fill="hsl(${h},45%,60%)"/><rect x="1000" y="380" width="240" height="160" fill="hsl(${h},45%,60%)"/><polygon points="220,310 800,110 1380,310" fill="hsl(${h + 10},55%,40%)"/>`,
  people: (h) => [0, 1, 2, 3, 4].map((i) => `<circle cx="${300 + i * 250}" cy="420" r="70" fill="hsl(${h + i * 12},50%,45%)"/><rect x="${235 + i * 250}" y="500" width="130" height="260" rx="60" fill="hsl(${h + i * 12},50%,55%)"/>`).join(''),
  phone: (h) => `<rect x="620" y="120" width="360" height="680" rx="48" fill="hsl(${h},20%,20%)"/><rect x="650" y="180" width="300" height="540" rx="12" fill="hsl(${h},70%,88%)"/><rect x="690" y="240" width="220" height="50" rx="8" fill="hsl(${h},60%,50%)"/><rect x="690" y="320" width="220" height="30" fill="hsl(${h},30%,70%)"/><rect x="690" y="370" width="160" height="30" fill="hsl(${h},30%,70%)"/>`,
  chart: (h) => [180, 260, 340, 460, 560, 640].map((v, i) => `<rect x="${300 + i * 170}" y="${820 - v}" width="110" height="${v}" fill="hsl(${h + i * 8},55%,${40 + i * 5}%)"/>`).join('') + `<polyline points="355,560 525,500 695,420 865,330 1035,250 1205,170" stroke="hsl(${h + 180},60%,40%)" stroke-width="12" fill="none"/>`,
  field: (h) => `<rect y="520" width="1600" height="380" fill="hsl(${h},45%,45%)"/><path d="M0 600 Q400 520 800 600 T1600 600 V900 H0Z" fill="hsl(${h + 15},50%,35%)"/><circle cx="1250" cy="220" r="110" fill="hsl(45,90%,65%)"/>`,
  shield: (h) => `<path d="M800 120 L1120 240 V480 Q1120 700 800 820 Q480 700 480 480 V240 Z" fill="hsl(${h},55%,42%)"/><path d="M680 470 L770 560 L940 380" stroke="white" stroke-width="40" fill="none" stroke-linecap="round"/>`,
};

export async function drawDemoImage(image: DemoImage): Promise<{ filepath: string; size: number }> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${image.hue},60%,92%)"/><stop offset="1" stop-color="hsl(${image.hue + 30},50%,75%)"/></linearGradient></defs><rect width="1600" height="900" fill="url(#g)"/>${motifs[image.motif](image.hue)}</svg>`;
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
  const dir = await mkdtemp(join(tmpdir(), 'tt-demo-'));
  const filepath = join(dir, `${image.name}.jpg`);
  await writeFile(filepath, jpeg);
  return { filepath, size: jpeg.length };
}
