/** ForceAtlas2 (graphology), whichever way the CommonJS module arrives (see commonjs.ts). */
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { defaultExport } from './commonjs.js';

export const forceAtlas2 = defaultExport(forceAtlas2Module);
