/** Where things live in this repository, for the programs in `tools/`. */
import { fileURLToPath } from "node:url";

/** The repository root (the folder holding package.json). */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Which implementation the `#nn/*` imports resolve to. */
export type Impl = "src" | "solutions";
