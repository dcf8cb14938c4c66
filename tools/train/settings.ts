/**
 * Nielsen's training settings, declared once: chapter 1's are the defaults
 * of `npm start`, of `npm run bench` and of every system `npm run compare`
 * trains; chapter 3's are `npm start -- --chapter 3`. Also the shape every
 * training run is described by.
 */

/** The cost a run minimises: Part I's, or chapter 3's (kata 15). */
export const COSTS = ["quadratic", "cross-entropy"] as const;
export type CostName = (typeof COSTS)[number];

/** How the starting weights are drawn: N(0, 1) as in chapter 1 (kata 05, Nielsen's `large_weight_initializer`), or N(0, 1/n_in) (kata 17, his `default_weight_initializer`). */
export const INITS = ["large", "default"] as const;
export type InitName = (typeof INITS)[number];

/** A run's recipe: everything but the data, the seed and the implementation. */
export interface Recipe {
  hidden: readonly number[];
  epochs: number;
  miniBatchSize: number;
  eta: number;
  cost: CostName;
  /** λ of L2 regularisation (kata 18); 0 is none. */
  lambda: number;
  init: InitName;
}

/** Chapter 1: `network.SGD(training_data, 30, 10, 3.0, …)` on a 784-30-10 network. */
export const NIELSEN: Recipe = { hidden: [30], epochs: 30, miniBatchSize: 10, eta: 3.0, cost: "quadratic", lambda: 0, init: "large" };

/**
 * Chapter 3, section *Overfitting and regularization*: 784-100-10,
 * cross-entropy, λ = 5.0, η = 0.5, mini-batches of 10, 30 epochs (97.92% on
 * the validation data in Nielsen's run), with the weights drawn as in his
 * section *Weight initialization*.
 */
export const NIELSEN_CHAPTER_3: Recipe = {
  hidden: [100],
  epochs: 30,
  miniBatchSize: 10,
  eta: 0.5,
  cost: "cross-entropy",
  lambda: 5.0,
  init: "default",
};

/** The recipes `--chapter` names. */
export const CHAPTERS: Readonly<Record<string, Recipe>> = { "1": NIELSEN, "3": NIELSEN_CHAPTER_3 };

/** Nielsen trains on the first 50,000 of MNIST's 60,000 training images; the last 10,000 are his validation set. */
export const TRAINING_IMAGES = 50_000;

/** The validation images: the last 10,000 of MNIST's training set (kata 02's `nielsenSplit`). */
export const VALIDATION_IMAGES = 10_000;

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
  cost: CostName;
  lambda: number;
  init: InitName;
  /** Stop after this many epochs without a better validation accuracy, keeping the best network (kata 19); 0: never stop early. */
  patience: number;
}

/** Whether a run is Part I's chapter-1 training, which the Part I katas alone can do. */
export const isChapter1 = (s: Pick<TrainingSettings, "cost" | "lambda" | "init" | "patience">) =>
  s.cost === "quadratic" && s.lambda === 0 && s.init === "large" && s.patience === 0;

/** Nielsen's chapter-1 run, with the course's default seed. */
export const DEFAULT_SETTINGS: TrainingSettings = {
  sizes: mnistSizes(NIELSEN.hidden),
  epochs: NIELSEN.epochs,
  miniBatchSize: NIELSEN.miniBatchSize,
  eta: NIELSEN.eta,
  seed: DEFAULT_SEED,
  trainSize: TRAINING_IMAGES,
  cost: NIELSEN.cost,
  lambda: NIELSEN.lambda,
  init: NIELSEN.init,
  patience: 0,
};
