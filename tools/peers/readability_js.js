// readability_js.js - times Mozilla Readability (with linkedom as the DOM)
// over pages loaded into memory first; tools/bench_peers.py runs it.
//
//   node readability_js.js MODULES_DIR RUNS PAGE...
//
// MODULES_DIR holds node_modules/@mozilla/readability and linkedom (an npm
// install outside the repository). Prints one JSON line: pages, bytes,
// the seconds of each timed run (wall, and the process's CPU: the JIT's
// and the collector's threads count too), failures. Start-up, loading and one
// warm-up pass (for the JIT) are not timed.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { createRequire } = require('module');

const [modulesDir, runsArg, ...files] = process.argv.slice(2);
const req = createRequire(path.resolve(modulesDir) + '/');
const { Readability } = req('@mozilla/readability');
const { parseHTML } = req('linkedom');

// Decoding is part of loading, not of the timed extraction.
const pages = files.map((f) => {
  let b = fs.readFileSync(f);
  if (f.endsWith('.gz')) b = zlib.gunzipSync(b);
  return b.toString('utf8');
});
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);

function pass() {
  let failures = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const html of pages) {
    try {
      const { document } = parseHTML(html);
      const article = new Readability(document).parse();
      if (!article) failures++;
    } catch (e) {
      failures++;
    }
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return [wall, failures, (c.user + c.system) / 1e6];
}

const [, failures] = pass(); // warm-up
const seconds = [];
const cpu = [];
for (let r = 0; r < Number(runsArg); r++) {
  const [wall, , c] = pass();
  seconds.push(wall);
  cpu.push(c);
}
console.log(JSON.stringify({ peer: 'readability.js', pages: pages.length, bytes,
                             seconds, cpu, failures }));
