/**
 * Gives the native memory that LadybugDB freed during an import write back to the system, for
 * `actorgraph import`. The engine mallocs its column chunks outside its buffer pool and frees them
 * when a write ends, but glibc keeps freed memory in its arenas for reuse: at 5,000 articles glibc
 * held 317 MB of which 85 MB were in use (malloc_stats), and at 20,000 its arenas were 1,187 MB of
 * a 2,544 MB peak RSS (bench/import-throughput.ts, smaps). `malloc_trim(0)` after each write
 * (and its checkpoint) returns the free pages of every arena. Node cannot call it by itself; the
 * optional package koffi (an FFI that ships prebuilt binaries) calls it from libc. Where glibc or
 * koffi is missing (macOS, musl, an install without optional packages) this is a no-op.
 * Measured at 5,000 articles (bench/import-throughput.ts, one run each, under load): RSS after the
 * document writes 492 MB instead of 634 MB, at the end 604 instead of 723 MB, malloc_trim 2.4 s of
 * 335 s; the peak, inside a statements write, is memory the engine uses then: 950 against 913 MB.
 */
import { createRequire } from 'node:module';

/** The part of koffi used here (the package is optional: no types from it). */
interface Koffi {
  load(path: string): { func(signature: string): (pad: number) => number };
}

/** A function to call after each write, and why it does nothing when it does nothing. */
export interface NativeMemoryRelease {
  afterWrite: () => void;
  /** Null when each call runs malloc_trim; else why not (for a debug line). */
  unavailable: string | null;
  /** How many times malloc_trim ran. */
  calls: () => number;
}

/** glibc's version at run time, or undefined where the C library is not glibc. */
function glibcVersion(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime;
}

/**
 * `load` finds koffi (a parameter so a test can stand for an install without it); glibc's
 * malloc_trim from libc.so.6, or the reason there is none.
 */
export function loadMallocTrim(
  load: (name: string) => unknown = createRequire(import.meta.url),
): ((pad: number) => number) | string {
  if (!glibcVersion()) return `the C library is not glibc (${process.platform})`;
  try {
    const koffi = load('koffi') as Koffi;
    return koffi.load('libc.so.6').func('int malloc_trim(size_t)');
  } catch (error) {
    return `koffi could not call malloc_trim: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

export function nativeMemoryRelease(trim: ((pad: number) => number) | string = loadMallocTrim()): NativeMemoryRelease {
  let calls = 0;
  if (typeof trim === 'string') return { afterWrite: () => undefined, unavailable: trim, calls: () => calls };
  return {
    afterWrite: () => {
      calls += 1;
      trim(0);
    },
    unavailable: null,
    calls: () => calls,
  };
}
