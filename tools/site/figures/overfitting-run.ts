/**
 * `npm run overfitting`: run Nielsen's overfitting experiment with the
 * reference (λ = 0, then λ = 0.1, 400 epochs each) and write
 * docs/model/overfitting.json, which lessons 18 and 19
 * draw their figures from. Then `npm run docs` redraws them.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadMnist } from "../../../katas/support/mnist-files.ts";
import { runCommand } from "../../core/cli.ts";
import { secondsFromMs } from "../../core/format.ts";
import { activeImpl } from "../../core/impl.ts";
import { repoRoot } from "../../core/paths.ts";
import { green } from "../../core/style.ts";
import { OVERFITTING, OVERFITTING_FILE, type OverfittingRuns, runOverfitting } from "./overfitting.ts";

const COMMAND = {
  name: "overfitting",
  usage: "npm run overfitting",
  summary: `Run Nielsen's overfitting experiment with the reference (784-30-10 on 1,000 images, ${OVERFITTING.epochs} epochs, λ = ${OVERFITTING.lambdas.join(" and ")}) and write ${OVERFITTING_FILE}.`,
  flags: {},
} as const;

runCommand(COMMAND, () => {
  if (activeImpl() !== "solutions") throw new Error("the experiment runs the reference: use npm run overfitting");
  const started = Date.now();
  const mnist = loadMnist();
  const runs = OVERFITTING.lambdas.map((lambda) =>
    runOverfitting(mnist, lambda, OVERFITTING.epochs, (epoch) => {
      if ((epoch + 1) % 20 === 0)
        console.log(`λ = ${lambda}: epoch ${epoch + 1} of ${OVERFITTING.epochs} (${secondsFromMs(Date.now() - started)})`);
    }),
  );
  const data: OverfittingRuns = { settings: OVERFITTING, runs };
  writeFileSync(join(repoRoot, OVERFITTING_FILE), `${JSON.stringify(data)}\n`);
  console.log(`${green("✔")} ${OVERFITTING_FILE} written in ${secondsFromMs(Date.now() - started)}`);
  return 0;
});
