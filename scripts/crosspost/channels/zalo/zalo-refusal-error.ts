import { PermanentChannelError } from '../channel-errors.ts';

/** Zalo answered a negative error code that retrying cannot fix; keeps the code and Zalo's words. */
export class ZaloRefusalError extends PermanentChannelError {
  override name = 'ZaloRefusalError';
  constructor(
    message: string,
    editorMessage: string,
    readonly code: number,
    readonly platformMessage: string,
  ) {
    super(message, editorMessage);
  }
}
