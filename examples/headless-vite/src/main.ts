// A headless shop front: the app owns routing and the cart, and mounts Schaufenster widgets
// from code. Every route change unmounts what the previous view mounted, so navigating back
// and forth mounts and removes widgets many times (tests/e2e/specs/headless.spec.ts checks
// that nothing leaks after 100 cycles).
import init, { configure, mount, unmount, setCart, setCustomer, on, type Cart, type SchaufensterConfig } from "schaufenster";

const config: SchaufensterConfig = {
  locale: "en-US",
  currency: "EUR",
  backend: { base_url: "/api", timeout_ms: 4000, retries: 1 },
  consent: { required: false },
  shipping_bar: {
    tiers: [{ id: "free-shipping", reward: "free_shipping", thresholds: [{ currency: "EUR", amount: 5000 }] }],
  },
  social_proof: {
    source: { url: "/api/social-proof?products={products}&window={window}&locale={language}" },
    // The shortest allowed: the leak test waits out a refresh to prove none runs after unmount.
    refresh_seconds: 10,
  },
  faq: { source: { url: "/api/faq?locale={language}" }, contact: "mailto:help@shop.example" },
};

interface Product {
  id: string;
  name: string;
  price: number;
}

const PRODUCT: Product = { id: "koffer-m", name: "Suitcase M", price: 2990 };

/** The app's own cart, pushed into the widgets with setCart. */
let cart: Cart = { currency: "EUR", lines: [] };

/** What the app exposes to its tests (counters, and the wasm memory size for leak checks). */
const stats = { ready: 0, mounts: 0, unmounts: 0, route: "", wasmBytes: () => 0 };
declare global {
  interface Window {
    headless: typeof stats;
  }
}
window.headless = stats;

const view = document.getElementById("view") as HTMLElement;
const status = document.getElementById("status") as HTMLElement;
let mounted: HTMLElement[] = [];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function mountWidget(host: HTMLElement, widget: Parameters<typeof mount>[1]) {
  if (mount(host, widget)) {
    mounted.push(host);
    stats.mounts++;
  }
}

function addToCart(p: Product) {
  const line = cart.lines.find((l) => l.product_id === p.id);
  if (line) line.quantity += 1;
  else cart.lines.push({ product_id: p.id, quantity: 1, unit_price: p.price });
  cart = { ...cart, lines: [...cart.lines] };
  setCart(cart);
  status.textContent = `${p.name} added (${cart.lines.reduce((n, l) => n + l.quantity, 0)} in the cart)`;
}

function render(route: string) {
  for (const host of mounted) {
    unmount(host);
    stats.unmounts++;
  }
  mounted = [];
  view.replaceChildren();
  stats.route = route;
  for (const a of document.querySelectorAll<HTMLAnchorElement>("nav a")) {
    if (a.dataset.route === route) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  if (route === "shop") {
    const bar = el("div", { className: "bar" });
    const badges = el("div", { className: "badges" });
    badges.setAttribute("product", PRODUCT.id);
    const add = el("button", { type: "button" }, `Add ${PRODUCT.name} to the cart`);
    add.addEventListener("click", () => addToCart(PRODUCT));
    view.append(el("h1", {}, "Shop"), bar, el("div", { className: "product" }, el("p", {}, `${PRODUCT.name}, 29.90 €`), add), badges);
    mountWidget(bar, "shipping-bar");
    mountWidget(badges, "social-proof");
  } else if (route === "help") {
    const faq = el("div", { className: "faq" });
    view.append(el("h1", {}, "Help"), faq);
    mountWidget(faq, "faq");
  } else {
    view.append(el("h1", {}, "Nothing mounted"), el("p", {}, "This view has no widgets."));
  }
}

const route = () => (location.hash.replace(/^#\//, "") || "shop").split("?")[0];

async function start() {
  const wasm = await init();
  stats.wasmBytes = () => wasm.memory.buffer.byteLength;
  const errors = configure(config);
  if (errors > 0) throw new Error(`the config has ${errors} errors`);
  setCart(cart);
  setCustomer(null);
  on("sf:ready", (detail) => {
    stats.ready++;
    status.textContent = `${detail.widget} ready`;
  });
  on("sf:threshold-reached", (detail) => {
    status.textContent = `Reached ${detail.tier}`;
  });
  window.addEventListener("hashchange", () => render(route()));
  render(route());
}

start().catch((e) => {
  status.textContent = `Could not start: ${e}`;
});
