/** Types of copy-cms-uploads.mjs for the TypeScript that imports it (its tests). */
export function uploadSegments(ref: string): string[] | null;
export function copyCmsUploads(outDir: string, options: { mediaUrl: string; siteUrl: string }): Promise<{ copied: number; missing: string[]; refused: string[] }>;
