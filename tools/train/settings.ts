/**
 * Nielsen's chapter-1 training settings, declared once: the defaults of
 * `npm start`, of `npm run bench` and of every system `npm run compare`
 * trains, and the shape every training run is described by.
 */

/** `network.SGD(training_data, 30, 10, 3.0, …)` on a 784-30-10 network. */
export const NIELSEN = { hidden: [30], epochs: 30, miniBatchSize: 10, eta: 3.0 } as const;

/** Nielsen trains on the first 50,000 of MNIST's 60,000 training images; the last 10,000 are his validation set. */
export const TRAINING_IMAGES = 50_000;

/** The course's default seed for the starting weights and the shuffles: see the README's table of seeds. */
export const DEFAULT_SEED = 2;

/** A network's layer sizes for MNIST: 784 pixels in, the hidden layers, 10 digits out. */
export const mnistSizes = (hidden: readonly number[]) => [784, ...hidden, 10];

/** Everything that decides a training run's numbers. */
export interface TrainingSettings {
  sizes: number[];
  epochs: number;
  miniBatchSize: number;
  eta: number;
  seed: number;
  /** Train on the first this-many of the 50,000 training images. */
  trainSize: number;
}

/** Nielsen's run, with the course's default seed. */
export const DEFAULT_SETTINGS: TrainingSettings = {
  sizes: mnistSizes(NIELSEN.hidden),
  epochs: NIELSEN.epochs,
  miniBatchSize: NIELSEN.miniBatchSize,
  eta: NIELSEN.eta,
  seed: DEFAULT_SEED,
  trainSize: TRAINING_IMAGES,
};
