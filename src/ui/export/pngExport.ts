/**
 * A standalone SVG rasterised as PNG at projector resolution: drawn onto a canvas
 * `targetWidth` px wide (scale = targetWidth / svg width, aspect kept) over white.
 */
import type { StandaloneSvg } from './svgExport';

/** Width of exported PNGs: a 1080p projector's. */
export const PROJECTOR_WIDTH = 1920;

/** The canvas size for an SVG of `width` x `height` user units drawn `targetWidth` px wide. */
export function pngSize(
  width: number,
  height: number,
  targetWidth = PROJECTOR_WIDTH,
): { width: number; height: number } {
  const scale = targetWidth / width;
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

export async function svgToPng(svg: StandaloneSvg, targetWidth = PROJECTOR_WIDTH): Promise<Blob> {
  const size = pngSize(svg.width, svg.height, targetWidth);
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image(size.width, size.height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas to draw the PNG on');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
