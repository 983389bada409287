export interface PreviewResult {
  status: number;
  message?: string;
  html?: string;
}

export interface PreviewRenderer {
  /** Where the preview's images are kept (`_astro/<file>`). */
  previewDir: string;
  render(request: { kind: string; documentId: string; exp: string; sig: string }): Promise<PreviewResult>;
}

export function createPreviewRenderer(options: { env: Record<string, string | undefined> }): PreviewRenderer;
