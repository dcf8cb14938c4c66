/** What a lesson figure is: a file in docs/figures/ and how to draw it. */
import type { Sources } from "./sources.ts";

export interface Figure {
  /** The file name in docs/figures/. */
  file: string;
  /** The SVG, from the data and the reference code alone: the same sources give the same bytes. */
  render(sources: Sources): string;
}
