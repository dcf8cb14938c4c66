/** The name of the canary suite (see `canary.ts`), which the runner recognises. */
export const CANARY_SUITE = "canary: each of these tests must fail";
