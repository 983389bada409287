/** Why an archive cannot be read, in the words an operator acts on (Vietnamese). */
export type ArchiveProblem = 'missing' | 'wrong-key' | 'truncated' | 'corrupt';

export class ArchiveError extends Error {
  override name = 'ArchiveError';
  constructor(readonly file: string, readonly problem: ArchiveProblem, readonly detail: string, options?: ErrorOptions) {
    super(archiveMessage(file, problem, detail), options);
  }
}

function archiveMessage(file: string, problem: ArchiveProblem, detail: string): string {
  switch (problem) {
    case 'missing':
      return `Không đọc được tệp sao lưu ${file}: ${detail}.`;
    case 'wrong-key':
      return `Không giải mã được ${file}: sai khóa BACKUP_ENCRYPTION_KEY (hoặc đây không phải bản sao lưu của hệ thống). Hãy đặt đúng khóa đã dùng khi sao lưu vào .env.`;
    case 'truncated':
      return `Tệp sao lưu ${file} bị cắt cụt (thiếu phần cuối, ${detail}): hãy chép lại tệp hoặc dùng một bản sao lưu khác.`;
    case 'corrupt':
      return `Tệp sao lưu ${file} bị hỏng (${detail}): hãy dùng một bản sao lưu khác.`;
  }
}
