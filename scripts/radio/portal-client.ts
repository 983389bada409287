/** Reads the live portal over HTTP: the radio bulletin is what the portal shows, not a second rendering. */
export class PortalClient {
  constructor(readonly base: string) {}

  async text(path: string, notFound: string): Promise<string> {
    const url = new URL(path, this.base);
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'follow' });
    } catch (error) {
      throw new Error(`không kết nối được cổng thông tin tại ${this.base} (${(error as Error).message}); cổng có đang chạy không (npm start)?`, { cause: error });
    }
    if (response.status === 404) throw new Error(`${notFound} (${url})`);
    if (!response.ok) throw new Error(`cổng thông tin trả lời ${response.status} cho ${url}`);
    return response.text();
  }

  /** The newest bulletin's week, as the portal's /truyen-thanh/ page links its text version. */
  async latestWeek(): Promise<string | null> {
    const page = await this.text('/truyen-thanh/', 'Cổng thông tin chưa có trang bản tin truyền thanh');
    return /href="\/truyen-thanh\/(\d{4}-tuan-\d{2})\.txt"/.exec(page)?.[1] ?? null;
  }
}
