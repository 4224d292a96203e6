// Keeps the page's address in step with the form (history.replaceState), so a link or a reload
// shows the same simulation. The form computes on every keystroke, and browsers ignore a page that
// rewrites its address too often (Chromium: more than 200 times in 10 s): past a budget, only the
// latest address is written, once the window has room again.

const WINDOW_MS = 10000;
const BUDGET = 100;

export class Address {
  constructor() {
    this.writes = [];
    this.timer = null;
    this.query = null;
  }

  /** The page's full address with this query string. */
  href(query) {
    return `${location.origin}${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  }

  set(query) {
    this.query = query;
    if (this.timer !== null) return;
    const now = performance.now();
    this.writes = this.writes.filter((at) => now - at < WINDOW_MS);
    if (this.writes.length < BUDGET) {
      this.write(now);
    } else {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.set(this.query);
      }, WINDOW_MS - (now - this.writes[0]));
    }
  }

  write(now) {
    const url = this.href(this.query);
    if (url === location.href) return;
    this.writes.push(now);
    history.replaceState(history.state, "", url);
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = null;
  }
}
