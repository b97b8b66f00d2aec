/**
 * A camera's view of a QR code, for chromium's fake camera (--use-file-for-fake-video-capture):
 * a Y4M file (uncompressed 4:2:0 frames) of the code drawn black on white with its quiet zone,
 * made from the modules the `qrcode` package computes — the same package the server draws the
 * citizen's QR code with, but read back in the browser by a decoder someone else wrote.
 */
import fs from 'node:fs';
import QRCode from 'qrcode';

export function writeQrVideo(file: string, text: string, { width = 640, height = 480, frames = 5 } = {}): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor((Math.min(width, height) * 0.8) / (size + 2 * quiet));
  const side = (size + 2 * quiet) * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 0xc0); // a grey room around a white card
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - quiet;
      const col = Math.floor(x / scale) - quiet;
      const dark = row >= 0 && col >= 0 && row < size && col < size && qr.modules.get(row, col);
      luma[(top + y) * width + left + x] = dark ? 0x10 : 0xf0;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 0x80);
  const header = `YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`;
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(header), ...Array.from({ length: frames }, () => frame)]));
}
