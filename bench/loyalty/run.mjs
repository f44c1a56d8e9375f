// Load test of exactly-once redemption: `./x bench loyalty` (builds the release backend first) or
// `node bench/loyalty/run.mjs [--runs 5] [--requests 200] [--keys 20] [--db :memory:]` with
// target/release/schaufenster-backend built. A command, not a test. Method and results:
// docs/bench-loyalty.md. Node built-ins only.
//
// 1. Starts the release backend on a free 127.0.0.1 port with --faults (for the test-only
//    /api/_test/loyalty/* endpoints) and a fresh SQLite file in the temp directory (the default;
//    `--db :memory:` for an in-memory database).
// 2. Logs in the demo customer (POST /api/loyalty/demo-login) and tops the balance up through
//    POST /api/_test/loyalty/credit: runs × keys × cost + 100, so the balance never limits the
//    count — a 21st redemption would still be affordable.
// 3. Per run: fires `requests` redeem requests at once (one socket each), `keys` distinct
//    Idempotency-Keys, request i using key i mod keys (10 requests per key by default), and
//    waits for all answers.
// 4. Checks per run, from the API answers and from the database (GET /api/_test/loyalty/audit,
//    which walks the ledger row by row): every request 201; the 10 answers of a key are the same
//    body; exactly `keys` redemptions created (distinct ids and codes in the answers, and the
//    redemptions table grew by `keys`); the balance equals the ledger's sum and
//    start − keys × cost; the ledger's running balance never went below 0.
// 5. Prints a Markdown table per run and the totals; exits 1 when a check fails.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..");
const BACKEND = path.join(ROOT, "target", "release", "schaufenster-backend");

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
if (args.includes("--help") || args.includes("-h")) {
  console.log("usage: node bench/loyalty/run.mjs [--runs 5] [--requests 200] [--keys 20] [--reward 5-euro] [--db :memory:|FILE]");
  process.exit(0);
}
const RUNS = Number(opt("--runs", "5"));
const REQUESTS = Number(opt("--requests", "200"));
const KEYS = Number(opt("--keys", "20"));
const REWARD = opt("--reward", "5-euro");
const EMAIL = "demo@kofferkontor.example";
for (const [name, n] of [["--runs", RUNS], ["--requests", REQUESTS], ["--keys", KEYS]]) {
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} takes a positive integer`);
    process.exit(2);
  }
}
const tmpDb = path.join(os.tmpdir(), `sf-bench-loyalty-${process.pid}.sqlite`);
const DB = opt("--db", tmpDb);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// One socket per in-flight request: 200 requests are 200 concurrent connections.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** A request; resolves { status, headers, text, ms } (ms: send → whole body received). */
function request(base, method, pathname, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const t0 = performance.now();
    const req = http.request(
      base + pathname,
      { method, agent, headers: { ...headers, ...(data ? { "Content-Type": "application/json", "Content-Length": data.length } : {}) } },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - t0 }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

async function json(base, method, pathname, opts) {
  const r = await request(base, method, pathname, opts);
  if (r.status < 200 || r.status > 299) throw new Error(`${method} ${pathname} → ${r.status} ${r.text}`);
  return JSON.parse(r.text);
}

async function waitForHealth(base, child) {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`backend exited with ${child.exitCode}`);
    try {
      if ((await request(base, "GET", "/api/health")).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("backend did not become healthy within 15 s");
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function main() {
  if (!fs.existsSync(BACKEND)) throw new Error(`${BACKEND} is missing; run ./x bench loyalty (it builds it)`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(BACKEND, ["--addr", `127.0.0.1:${port}`, "--www", path.join(ROOT, "www"), "--db", DB, "--faults"], { stdio: ["ignore", "ignore", "inherit"] });
  const failures = [];
  try {
    await waitForHealth(base, child);
    const login = await json(base, "POST", "/api/loyalty/demo-login", { body: { email: EMAIL } });
    const auth = { Authorization: `Bearer ${login.token}` };
    const program = await json(base, "GET", "/api/loyalty/program");
    const reward = program.rewards.find((r) => r.id === REWARD);
    if (!reward) throw new Error(`no reward ${REWARD}`);
    const cost = reward.cost;
    const seeded = (await json(base, "GET", "/api/loyalty/me", { headers: auth })).balance;
    const topUp = RUNS * KEYS * cost + 100;
    await json(base, "POST", "/api/_test/loyalty/credit", { body: { email: EMAIL, points: topUp, note: "bench top-up" } });

    const rows = [];
    const allLatencies = [];
    let allWall = 0;
    for (let run = 1; run <= RUNS; run++) {
      const before = await json(base, "GET", `/api/_test/loyalty/audit?email=${EMAIL}`);
      const start = before.balance;
      const keys = Array.from({ length: KEYS }, (_, k) => `bench-${process.pid}-${run}-${k}`);
      const t0 = performance.now();
      const answers = await Promise.all(
        Array.from({ length: REQUESTS }, (_, i) =>
          request(base, "POST", "/api/loyalty/redeem", { headers: { ...auth, "Idempotency-Key": keys[i % KEYS] }, body: { reward_id: REWARD } }).then((r) => ({ ...r, key: keys[i % KEYS] })),
        ),
      );
      const wall = performance.now() - t0;
      const after = await json(base, "GET", `/api/_test/loyalty/audit?email=${EMAIL}`);
      const me = await json(base, "GET", "/api/loyalty/me", { headers: auth });

      const statuses = {};
      for (const a of answers) statuses[a.status] = (statuses[a.status] || 0) + 1;
      const byKey = new Map();
      for (const a of answers) {
        if (!byKey.has(a.key)) byKey.set(a.key, new Set());
        byKey.get(a.key).add(a.text);
      }
      const ok = answers.filter((a) => a.status === 201).map((a) => JSON.parse(a.text));
      const ids = new Set(ok.map((b) => b.redemption.id));
      const codes = new Set(ok.map((b) => b.redemption.code));
      const replayed = answers.filter((a) => a.headers["idempotent-replayed"] === "true").length;
      const created = after.redemptions - before.redemptions;
      const redeemRows = after.kinds.redeem.rows - before.kinds.redeem.rows;
      const expected = start - KEYS * cost;
      const lat = answers.map((a) => a.ms).sort((x, y) => x - y);
      allLatencies.push(...lat);
      allWall += wall;
      const checks = [
        [statuses[201] === REQUESTS, `all ${REQUESTS} answered 201 (got ${JSON.stringify(statuses)})`],
        [[...byKey.values()].every((s) => s.size === 1), "every key's answers are one body"],
        [ids.size === KEYS && codes.size === KEYS, `${KEYS} distinct redemption ids and codes in the answers (got ${ids.size}, ${codes.size})`],
        [created === KEYS && redeemRows === KEYS, `${KEYS} redemptions and redeem ledger rows created (got ${created}, ${redeemRows})`],
        [replayed === REQUESTS - KEYS, `${REQUESTS - KEYS} answers replayed (got ${replayed})`],
        [after.balance === after.ledger_sum && me.balance === after.balance, "balance = sum of the ledger's deltas (API and DB)"],
        [after.balance === expected, `balance ${after.balance} = start ${start} − ${KEYS} × ${cost} = ${expected}`],
        [after.min_running_balance >= 0, `running balance never below 0 (lowest ${after.min_running_balance})`],
      ];
      for (const [pass, what] of checks) if (!pass) failures.push(`run ${run}: ${what}`);
      rows.push({ run, start, after, created, ids: ids.size, replayed, expected, wall, lat, statuses, checks });
    }

    const cpu = os.cpus();
    console.log(`\nLoyalty redemption load test: ${RUNS} run(s) of ${REQUESTS} concurrent POST /api/loyalty/redeem, ${KEYS} distinct Idempotency-Keys (${REQUESTS / KEYS} requests per key), reward ${REWARD} (${cost} points)`);
    console.log(`Backend: target/release/schaufenster-backend, database ${DB === tmpDb ? "a fresh SQLite file in " + os.tmpdir() : DB}; machine: ${cpu.length} × ${cpu[0] ? cpu[0].model.trim() : "?"}, node ${process.version}`);
    console.log(`Demo customer: seeded balance ${seeded}, topped up by ${topUp}\n`);
    console.log("| run | requests | distinct keys | 201 answers | replayed | redemptions created (DB) | distinct ids in answers | balance before → after | = start − keys × cost | = ledger sum | lowest running balance | throughput | p50 | p95 | max |");
    console.log("|---:|---:|---:|---:|---:|---:|---:|---|---|---|---:|---:|---:|---:|---:|");
    for (const r of rows) {
      const ok = (b) => (b ? "yes" : "**NO**");
      console.log(
        `| ${r.run} | ${REQUESTS} | ${KEYS} | ${r.statuses[201] || 0} | ${r.replayed} | ${r.created} | ${r.ids} | ${r.start} → ${r.after.balance} | ${ok(r.after.balance === r.expected)} | ${ok(r.after.balance === r.after.ledger_sum)} | ${r.after.min_running_balance} | ${Math.round(REQUESTS / (r.wall / 1000))} req/s | ${fmt(percentile(r.lat, 50))} | ${fmt(percentile(r.lat, 95))} | ${fmt(r.lat[r.lat.length - 1])} |`,
      );
    }
    const all = allLatencies.sort((x, y) => x - y);
    console.log(
      `| all | ${REQUESTS * RUNS} | ${KEYS * RUNS} | ${rows.reduce((n, r) => n + (r.statuses[201] || 0), 0)} | ${rows.reduce((n, r) => n + r.replayed, 0)} | ${rows.reduce((n, r) => n + r.created, 0)} | ${rows.reduce((n, r) => n + r.ids, 0)} | ${rows[0].start} → ${rows[rows.length - 1].after.balance} | | | ${Math.min(...rows.map((r) => r.after.min_running_balance))} | ${Math.round((REQUESTS * RUNS) / (allWall / 1000))} req/s | ${fmt(percentile(all, 50))} | ${fmt(percentile(all, 95))} | ${fmt(all[all.length - 1])} |`,
    );
    console.log("\nThroughput: requests / wall time from the first request sent to the last answer received. Latency: request sent → whole answer received, per request (nearest-rank percentiles).");
    if (failures.length) {
      console.log(`\nFAILED:\n- ${failures.join("\n- ")}`);
    } else {
      console.log(`\nAll checks passed: exactly ${KEYS} redemptions per run, every key answered with one body, the balance is the ledger's sum and start − ${KEYS} × ${cost}, never negative.`);
    }
  } finally {
    agent.destroy();
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
    if (DB === tmpDb) for (const f of [tmpDb, `${tmpDb}-journal`, `${tmpDb}-wal`, `${tmpDb}-shm`]) fs.rmSync(f, { force: true });
  }
  if (failures.length) process.exit(1);
}

main().catch((e) => {
  console.error(`bench loyalty: ${e.message}`);
  process.exit(1);
});
