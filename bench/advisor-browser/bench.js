// The benchmark page: the advisor compiled to wasm (crates/search-wasm) runs here.
// window.benchAdvisor(products, runs, warmup) builds the synthetic catalogue inside wasm (the
// same generator, seed, questions and answers as the native bench: crates/bench/src/synthetic.rs),
// clicks `warmup` times untimed, then `runs` times timed, and returns raw timings in ms.
// A click is advisor_evaluate() (Advisor::evaluate) then advisor_option_counts()
// (Advisor::option_counts of the next question), each a synchronous call into wasm.
import init, * as sf from "/pkg/schaufenster_search_wasm.js";

await init();

window.benchAdvisor = (products, runs, warmup) => {
  const summary = JSON.parse(sf.advisor_setup(products));
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += sf.advisor_evaluate() + sf.advisor_option_counts();
  const evaluateMs = [];
  const clickMs = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += sf.advisor_evaluate();
    const t1 = performance.now();
    sink += sf.advisor_option_counts();
    const t2 = performance.now();
    evaluateMs.push(t1 - t0);
    clickMs.push(t2 - t0);
  }
  return { summary, evaluateMs, clickMs, sink, isolated: self.crossOriginIsolated === true };
};

window.benchReady = true;
document.getElementById("status").textContent = "ready";
