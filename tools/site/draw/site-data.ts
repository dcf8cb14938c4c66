/**
 * What the site's build hands the drawing page: the reference model file's
 * JSON and a few MNIST test images. It is written into the page's script,
 * not fetched, so the page also works opened from disk (file://), where a
 * browser refuses fetch().
 */

/** The page's place in the site, as registered in theme.ts. */
export const DRAW_PAGE = "course/draw";
/** The id of the element in docs/draw.md that the page script fills. */
export const ROOT_ID = "draw-app";

/** One MNIST test image. */
export interface Sample {
  /** Its number among the 10,000 test images. */
  index: number;
  /** The digit it shows. */
  label: number;
  /** 784 bytes, row-major: 0 background, 255 ink. */
  pixels: number[];
}

export interface SiteData {
  /** The parsed JSON of the reference model file, docs/model/model.json. */
  referenceModel: unknown;
  samples: Sample[];
}
