/**
 * The documents bundled into the worker at build time: what readers get when KV is empty,
 * failing or corrupt. Every file under data/releases/ is listed here (a test checks it).
 */
import belarus202512En from './belarus-2025-12/en.json';

export const bundledReleases: readonly unknown[] = [belarus202512En];
