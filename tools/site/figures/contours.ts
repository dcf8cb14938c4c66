/**
 * Contour lines of a function of two variables sampled on a grid, by
 * marching squares: in each grid cell, the level crosses the edges whose
 * ends lie on opposite sides of it, at the linearly interpolated point, and
 * a segment joins the crossings.
 */

export interface Grid {
  /** The sample at column i, row j is `values[j * columns + i]`, at x = x[0] + i·dx, y = y[0] + j·dy. */
  values: Float64Array;
  columns: number;
  rows: number;
  x: readonly [number, number];
  y: readonly [number, number];
}

/** Sample f on a `columns` × `rows` grid spanning x and y, ends included. */
export function sampleGrid(
  f: (x: number, y: number) => number,
  x: readonly [number, number],
  y: readonly [number, number],
  columns: number,
  rows: number,
): Grid {
  const values = new Float64Array(columns * rows);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++)
      values[j * columns + i] = f(x[0] + ((x[1] - x[0]) * i) / (columns - 1), y[0] + ((y[1] - y[0]) * j) / (rows - 1));
  }
  return { values, columns, rows, x, y };
}

export type Segment = readonly [readonly [number, number], readonly [number, number]];

/** The segments of the contour f = level, in the grid's x, y coordinates. */
export function contourSegments(grid: Grid, level: number): Segment[] {
  const { values, columns, rows, x, y } = grid;
  const [dx, dy] = [(x[1] - x[0]) / (columns - 1), (y[1] - y[0]) / (rows - 1)];
  const value = (i: number, j: number) => values[j * columns + i];
  const segments: Segment[] = [];
  for (let j = 0; j + 1 < rows; j++) {
    for (let i = 0; i + 1 < columns; i++) {
      // The corners counter-clockwise from (i, j), and the edges between them.
      const corners: [number, number][] = [
        [i, j],
        [i + 1, j],
        [i + 1, j + 1],
        [i, j + 1],
      ];
      const crossings: [number, number][] = [];
      for (let e = 0; e < 4; e++) {
        const [[i1, j1], [i2, j2]] = [corners[e], corners[(e + 1) % 4]];
        const [v1, v2] = [value(i1, j1), value(i2, j2)];
        if (v1 < level === v2 < level) continue;
        const t = (level - v1) / (v2 - v1);
        crossings.push([x[0] + (i1 + t * (i2 - i1)) * dx, y[0] + (j1 + t * (j2 - j1)) * dy]);
      }
      // Two crossings: one segment. Four (a saddle): pair each crossing with the next, counter-clockwise.
      for (let c = 0; c + 1 < crossings.length; c += 2) segments.push([crossings[c], crossings[c + 1]]);
    }
  }
  return segments;
}
