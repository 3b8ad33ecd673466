// What vitest.config.ts provides to the worker tests (`inject()`).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** How many runs each property test makes: short in `npm test`, long in `npm run bench:fuzz`. */
    fuzzRuns: number;
  }
}
