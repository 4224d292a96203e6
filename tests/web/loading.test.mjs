// The loading view (calculator/web/loading.mjs): the text next to the bar and what is spoken.
import assert from "node:assert/strict";
import { test } from "node:test";
import { milestone, progressText } from "../../calculator/web/loading.mjs";

test("bytes in Belgian notation, in MB with one decimal", () => {
  assert.equal(progressText({ received: 3_210_000, total: 6_400_000 }), "3,2 van 6,4 MB");
  assert.equal(progressText({ received: 0, total: 12_345_678 }), "0,0 van 12,3 MB");
  assert.equal(progressText({ received: 7e6, total: 6.4e6 }), "6,4 van 6,4 MB", "never more than the total");
  assert.equal(progressText({ received: 5000, total: 0 }), "", "no total yet: no text");
});

test("screen readers hear a quarter, a half and three quarters, nothing in between", () => {
  const total = 1000;
  const heard = new Set();
  for (let received = 0; received <= total; received += 7) heard.add(milestone({ received, total }));
  assert.deepEqual([...heard], [0, 0.25, 0.5, 0.75]);
  assert.equal(milestone({ received: 10, total: 0 }), 0);
});
