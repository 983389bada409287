import QRCode from 'qrcode';

/**
 * A QR code for a notice board, as inline SVG made at build time: content pages ship no
 * JavaScript, and a printed notice must carry its code. Error correction M survives the wear
 * of a notice board (15% of the code may be lost) and keeps a portal URL at ~45 modules.
 */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
