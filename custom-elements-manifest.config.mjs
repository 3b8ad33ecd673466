// `npm run manifest` writes custom-elements.json from the element. package.json names the file
// itself ("customElements"), so the analyzer must not rewrite it (a temporary outdir would end up there).
export default {
  globs: ['widget/belarus-release.ts', 'widget/define.ts'],
  litelement: true,
  packagejson: false,
};
