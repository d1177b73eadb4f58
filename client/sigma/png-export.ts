/**
 * The canvas as a PNG: the view as it is on screen, on an opaque background in the theme's colour
 * (a transparent PNG showed black or checkered in viewers, and a dark theme's light labels were
 * lost on white), zoomed out just enough that the labels at the edges are whole, not cut.
 */
import { downloadAsPNG } from '@sigma/export-image';
import type Sigma from 'sigma';
import { zoomOutToFit, type LabelBox } from './label-fit.js';
import { readTheme } from './theme.js';

/** The boxes of the labels sigma draws now, measured in its label font. */
function drawnLabelBoxes(renderer: Sigma): LabelBox[] {
  const settings = renderer.getSettings();
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) return [];
  measure.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
  const { width, height } = renderer.getDimensions();
  const boxes: LabelBox[] = [];
  for (const node of renderer.getNodeDisplayedLabels()) {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.hidden || !data.label) continue;
    const { x, y } = renderer.framedGraphToViewport(data);
    // Only nodes on screen: a label that starts outside the view is not one the user sees cut.
    if (x < 0 || x > width || y < 0 || y > height) continue;
    const size = renderer.scaleSize(data.size);
    const left = x - size;
    const right = x + size + 4 + measure.measureText(data.label).width;
    boxes.push({ left, right, top: y - settings.labelSize, bottom: y + settings.labelSize });
  }
  return boxes;
}

export async function downloadCanvasPng(renderer: Sigma, fileName: string): Promise<void> {
  const { width, height } = renderer.getDimensions();
  const camera = renderer.getCamera().getState();
  const factor = zoomOutToFit(drawnLabelBoxes(renderer), width, height);
  await downloadAsPNG(renderer, {
    fileName,
    backgroundColor: readTheme().background,
    cameraState: { ...camera, ratio: camera.ratio * factor },
  });
}
