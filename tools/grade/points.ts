/**
 * How many points each kata is worth: the optional `points` field of its
 * `kata.json`, 10 when absent. A kata scores all its points when every one
 * of its tests passes and none otherwise, as GitHub Classroom's command
 * grader scores a step.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Kata } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";

export const DEFAULT_POINTS = 10;

export function pointsOf(kata: Kata, root: string = repoRoot): number {
  const file = join("katas", kata.id, "kata.json");
  const { points = DEFAULT_POINTS } = JSON.parse(readFileSync(join(root, file), "utf8")) as { points?: unknown };
  if (typeof points !== "number" || !Number.isSafeInteger(points) || points < 0) {
    throw new Error(`${file}: "points" must be a whole number ≥ 0, got ${JSON.stringify(points)}`);
  }
  return points;
}
