// Which start pays on this device and this connection: the memory snapshot (more bytes, little
// CPU) or the normal start (fewer bytes: a trimmed standard library and the wheel; 2 s of CPU on
// a desktop, four times that on a mid-range phone).
//
// Both need the wasm, so its download is the measurement: the throughput of its first bytes
// says what the snapshot's extra bytes cost in time; a small fixed workload timed in the worker
// says how slow the CPU is, and so what the snapshot saves. Slow guesses favour the normal start:
// it is never slower than a bare Pyodide page (it downloads 2 MB less), the snapshot can be.

// What a restore saves against the normal start on the reference CPU (the benchmark's machine,
// Chromium without throttling): 2.0 s of interpreter start-up against 0.25 s of restore.
export const SAVED_MS = 1750;
// probeCpu() on that CPU, in ms.
export const PROBE_MS = 0.65;
// The snapshot must win by this much: a measurement of a few hundred ms is a rough one.
export const MARGIN = 0.8;
// Sample the wasm's throughput on this many bytes, or for this long, whichever comes first.
export const SAMPLE = Object.freeze({ bytes: 400_000, ms: 1200 });
const SLOW_CONNECTIONS = new Set(["slow-2g", "2g", "3g"]);

/** ms for a small fixed integer workload (the fastest of a few rounds: the first ones run before
 *  the JIT has compiled it, and other work can interrupt any): about PROBE_MS on the reference CPU. */
export function probeCpu(now = () => performance.now()) {
  let fastest = Infinity;
  let x = 1;
  for (let round = 0; round < 5; round++) {
    const started = now();
    for (let i = 0; i < 500_000; i++) x = (Math.imul(x, 1103515245) + i) | 0;
    fastest = Math.min(fastest, now() - started);
  }
  return x === 0.5 ? 0 : fastest; // x is used, so the loop is not optimised away
}

/**
 * "snapshot" or "normal". sample: {bytes, ms, done} of the wasm; extraBytes: what the snapshot
 * start downloads more than the normal one; cpuMs: probeCpu(); connection: navigator.connection.
 */
export function chooseStart({ sample, extraBytes, cpuMs, connection, canRestore = true }) {
  if (!canRestore) return "normal";
  // The browser says data is to be saved, or the round trips are slow (2g/3g follow the RTT).
  if (connection && (connection.saveData || SLOW_CONNECTIONS.has(connection.effectiveType))) return "normal";
  const bytesPerMs = sample.ms > 0 ? sample.bytes / sample.ms : Infinity;
  const saved = SAVED_MS * Math.max(cpuMs / PROBE_MS, 0.25);
  return extraBytes / bytesPerMs < MARGIN * saved ? "snapshot" : "normal";
}
