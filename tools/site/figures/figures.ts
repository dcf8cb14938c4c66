/**
 * Draw the lesson figures into docs/figures/ (`npm run docs` does it
 * first). Run with the reference: `npx tsx --conditions=solutions
 * tools/site/figures/figures.ts`.
 */
import { runCommand } from "../../core/cli.ts";
import { secondsFromMs } from "../../core/format.ts";
import { green } from "../../core/style.ts";
import { FIGURES_DIR, writeFigures } from "./write.ts";

const COMMAND = {
  name: "figures",
  usage: "npx tsx --conditions=solutions tools/site/figures/figures.ts",
  summary: "Draw the lesson figures into docs/figures/ from MNIST, the reference run in docs/model/ and the reference solutions.",
  flags: {},
} as const;

runCommand(COMMAND, () => {
  const started = Date.now();
  const count = writeFigures();
  console.log(`${green("✔")} ${count} figures drawn into ${FIGURES_DIR}/ in ${secondsFromMs(Date.now() - started)}`);
  return 0;
});
