/**
 * graphology's layout and metrics packages are CommonJS typed as `export default`: TypeScript
 * (Node rules) sees the function at `.default`, the bundler hands over module.exports itself.
 * This accepts both, with the default export's type.
 */
export type DefaultExport<M> = M extends { default: infer D } ? D : M;

export function defaultExport<M>(module: M): DefaultExport<M> {
  return ((module as { default?: unknown }).default ?? module) as DefaultExport<M>;
}
