/**
 * graphology-layout-forceatlas2 is CommonJS typed as `export default`: TypeScript (Node rules)
 * sees the layout at `.default`, the bundler hands over module.exports itself. Accept both.
 */
import forceAtlas2Module from 'graphology-layout-forceatlas2';

type ForceAtlas2 = typeof forceAtlas2Module extends { default: infer Layout } ? Layout : typeof forceAtlas2Module;

export const forceAtlas2 = ((forceAtlas2Module as unknown as { default?: ForceAtlas2 }).default ??
  forceAtlas2Module) as ForceAtlas2;
