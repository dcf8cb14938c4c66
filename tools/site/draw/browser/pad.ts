/**
 * The drawing pad: a square canvas the reader draws on with a mouse, a pen
 * or a finger (pointer events; `touch-action: none` in draw.css keeps a
 * finger from scrolling the page). The strokes are kept as points in
 * fractions of the canvas's side, so the pad can draw them again at any size
 * (a resized window, a phone turned round) and in the theme's colour (light
 * or dark). What the network reads is the canvas's ink coverage: its alpha
 * channel, 0 where nothing was drawn.
 */
import type { GreyBitmap } from "../preprocess.ts";

/** The pen's width, as a fraction of the pad's side: MNIST-like strokes, about 2 pixels of 28, for a digit that fills most of the pad. */
export const PEN = 1 / 14;

type Point = [x: number, y: number];

export interface Pad {
  /** The ink on the canvas, one grey level per device pixel. */
  bitmap(): GreyBitmap;
  /** Wipe the drawing, without calling `changed`. */
  clear(): void;
  /** Draw the strokes again, in the current theme's text colour. */
  redraw(): void;
}

/** Make `canvas` a drawing pad; `changed` is called, at most once a frame, after the reader draws and after the pad is resized. */
export function createPad(canvas: HTMLCanvasElement, changed: () => void): Pad {
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("this browser cannot draw on a canvas");
  const strokes: Point[][] = [];
  let drawing: number | undefined;
  let frame = 0;

  const redraw = () => {
    const side = canvas.getBoundingClientRect().width;
    // Sharp on most screens; capped, since every frame the network's input is computed from all of these pixels.
    const pixels = Math.max(1, Math.round(side * Math.min(devicePixelRatio, 2)));
    if (canvas.width !== pixels) canvas.width = canvas.height = pixels;
    canvas.dataset.penWidth = String(PEN * side);
    context.clearRect(0, 0, pixels, pixels);
    context.strokeStyle = context.fillStyle = getComputedStyle(canvas).color;
    context.lineWidth = PEN * pixels;
    context.lineCap = context.lineJoin = "round";
    for (const stroke of strokes) {
      context.beginPath();
      context.moveTo(stroke[0][0] * pixels, stroke[0][1] * pixels);
      // A single point is a dot: a line of zero length, which round caps draw as a disc.
      for (const [x, y] of stroke.length === 1 ? stroke : stroke.slice(1)) context.lineTo(x * pixels, y * pixels);
      context.stroke();
    }
  };
  const update = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      redraw();
      changed();
    });
  };
  const at = (event: PointerEvent): Point => {
    const box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height];
  };

  canvas.addEventListener("pointerdown", (event) => {
    if (drawing !== undefined || (event.pointerType === "mouse" && event.button !== 0)) return;
    event.preventDefault();
    drawing = event.pointerId;
    canvas.setPointerCapture(event.pointerId);
    strokes.push([at(event)]);
    update();
  });
  canvas.addEventListener("pointermove", (event) => {
    if (event.pointerId !== drawing) return;
    // The points the browser merged into this event, so that a fast stroke stays smooth.
    for (const point of event.getCoalescedEvents?.() ?? [event]) strokes[strokes.length - 1].push(at(point));
    update();
  });
  const end = (event: PointerEvent) => {
    if (event.pointerId === drawing) drawing = undefined;
  };
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);
  new ResizeObserver(update).observe(canvas);

  return {
    bitmap() {
      const { width, height, data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const ink = new Float32Array(width * height);
      for (let i = 0; i < ink.length; i++) ink[i] = data[4 * i + 3] / 255;
      return { width, height, data: ink };
    },
    clear() {
      strokes.length = 0;
      drawing = undefined;
      cancelAnimationFrame(frame);
      redraw();
    },
    redraw,
  };
}
