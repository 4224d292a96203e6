// The Python side of the worker: the one function every request goes through, JSON text in and
// out, and the one that gives a request's dated steps as a calendar. The worker runs this source
// when it starts Pyodide itself; the build runs it before it takes the memory snapshot
// (calculator/snapshot/make_snapshot.mjs), so a restored snapshot has both functions, the
// imported rules and the loaded parameters ready.

export const ENTRY_NAME = "_kmo_evaluate";
// The calendar of a request's deadlines (kmo_portefeuille.calendar): iCalendar text, or None.
export const CALENDAR_NAME = "_kmo_calendar";

// A complete request. The build answers it before it takes the snapshot (so the parameters are
// loaded); the worker repeats it after a restore to warm the interpreter up (worker.mjs). No date:
// the rules take today's, so the request does not go stale as dated entries are added.
export const WARM_UP = Object.freeze({
  service: "advies",
  theme: "cybersecurity",
  cost: "10000",
  company: { size: "klein" },
  checklist: {},
});

export const ENTRY_SOURCE = `
import json
import kmo_portefeuille

def ${ENTRY_NAME}(text):
    return json.dumps(kmo_portefeuille.evaluate(json.loads(text)), ensure_ascii=False)

def ${CALENDAR_NAME}(text, address):
    return kmo_portefeuille.calendar(json.loads(text), address)
`;

// What a restored snapshot gets as its standard library: an empty zip archive. Everything the
// rules use is imported before the snapshot is taken, so the 2.5 MB python_stdlib.zip is not
// downloaded; the build and tests/pyodide check that the rules answer from the snapshot this way.
export const EMPTY_STDLIB = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
