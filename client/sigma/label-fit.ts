/**
 * How far to zoom out an image of the canvas so that the labels near its edges are whole
 * (png-export.ts). Pure, so it is tested without a browser.
 */

/** A drawn label's box, in viewport pixels. */
export interface LabelBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Space kept between a label and the image's edge, in pixels. */
const MARGIN = 8;
/** Zooming out further would shrink the view more than cut labels cost. */
const MAX_ZOOM_OUT = 1.6;

/**
 * How much to zoom out (1 = not at all) so these boxes fit in a width × height image around its
 * centre: zooming out by f brings a point at distance d from the centre to d / f.
 */
export function zoomOutToFit(boxes: readonly LabelBox[], width: number, height: number): number {
  const cx = width / 2;
  const cy = height / 2;
  let factor = 1;
  for (const box of boxes) {
    const dx = Math.max(cx - box.left, box.right - cx);
    const dy = Math.max(cy - box.top, box.bottom - cy);
    factor = Math.max(factor, dx / Math.max(1, cx - MARGIN), dy / Math.max(1, cy - MARGIN));
  }
  return Math.min(factor, MAX_ZOOM_OUT);
}
