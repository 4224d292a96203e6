// Mounts the calculator of this page as soon as its modules are in, without waiting for the page
// to finish parsing (the theme's bundle at the end of the body) as mount.mjs does: on a slow
// connection the form then takes edits that count seconds earlier. The calculator page loads it
// as an async module right after the calculator (rekenhulp.html); mount.mjs still mounts it after
// instant navigation, and mounting twice does nothing.

import { mount } from "./calculator.mjs";

const root = document.querySelector("[data-kmo-rekenhulp]");
if (root) mount(root);
