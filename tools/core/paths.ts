/** Where things live: this repository, and the temporary folders the programs make. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the folder holding package.json), with a trailing slash. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Where temporary folders go: $NN_SCRATCH when set (`npm run test:tools` sets it, to check that the tests leave nothing behind), or the system's. */
export const scratchRoot = () => process.env.NN_SCRATCH || tmpdir();

/** A new, empty temporary folder, `nn-<what>-XXXXXX`. Whoever makes it removes it. */
export const scratchDir = (what: string) => mkdtempSync(join(scratchRoot(), `nn-${what}-`));

/** The committed reference run of `npm start` (seed 2, 784-30-10, Nielsen's settings), relative to the repository: the lessons' figures and the drawing page use it. */
export const REFERENCE_MODEL = "docs/model/model.json";
