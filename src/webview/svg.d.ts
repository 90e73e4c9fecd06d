/**
 * A codicon SVG imported by the webview's script is its paths' attributes (`d`, and `fill-rule` and
 * `clip-rule` where it has them), read by esbuild.js at build time (the `codiconPaths` plugin).
 */
declare module '*.svg' {
  const paths: readonly Readonly<Record<string, string>>[];
  export default paths;
}
