// A clock the tests move by hand, with the setTimeout/clearTimeout the runtime code takes.
export function manualTimers() {
  let now = 0;
  let nextId = 1;
  const due = new Map();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      due.set(nextId, { at: now + Math.max(0, ms), fn });
      return nextId++;
    },
    clearTimeout(id) {
      due.delete(id);
    },
    /** Move the clock by ms, running what falls due on the way, in order. */
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let first = null;
        for (const [id, timer] of due) if (timer.at <= end && (!first || timer.at < first[1].at)) first = [id, timer];
        if (!first) break;
        due.delete(first[0]);
        now = first[1].at;
        first[1].fn();
      }
      now = end;
    },
  };
}
