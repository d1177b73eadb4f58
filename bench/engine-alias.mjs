/**
 * For the side-by-side benchmark only: `node --import ./bench/engine-alias.mjs` makes
 * `import 'kuzu'` (and `'@ladybugdb/core'`) load the module named by BENCH_ENGINE, the old kuzu
 * 0.11.3 installed in a temporary folder, which is not a dependency of this project.
 */
import { register } from 'node:module';

if (process.env.BENCH_ENGINE) {
  const target = new URL(`file://${process.env.BENCH_ENGINE}`).href;
  const hooks = `
    export async function resolve(specifier, context, next) {
      if (specifier === 'kuzu' || specifier === '@ladybugdb/core') return { url: ${JSON.stringify(target)}, shortCircuit: true };
      return next(specifier, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url);
}
