/**
 * The npm package's main entry: the element's class and events, with no side effects. Register
 * it with `import '@belarus-release/element/define'` (widget/define.ts), or under a name of your
 * own with `customElements.define`. cli/build-package.ts builds it.
 */
export * from '../../widget/belarus-release';
export type { WidgetProblem } from '../../widget/events';
export type { ReleaseDocument } from '../../data/schema';
