// Compares Counterpart's share link with lz-string, the library most web
// apps use to put data in a URL: it compresses the JSON read from stdin with
// compressToEncodedURIComponent and prints the length. lz-string is
// installed from npm into a temporary directory, not into the project.
//
//   go run ./bench/linksize -json | node bench/lzstring.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "lzstring-"));
try {
  execFileSync("npm", ["install", "--silent", "--no-audit", "--no-fund", "--prefix", dir, "lz-string"], { stdio: "inherit" });
  const require = createRequire(join(dir, "index.js"));
  const LZString = require("lz-string");
  const version = require("lz-string/package.json").version;
  const json = readFileSync(0, "utf8");
  const encoded = LZString.compressToEncodedURIComponent(json);
  if (LZString.decompressFromEncodedURIComponent(encoded) !== json) {
    throw new Error("lz-string did not round-trip the JSON");
  }
  console.log(`JSON:                                 ${String(json.length).padStart(6)} characters`);
  console.log(`lz-string ${version} compressToEncodedURIComponent: ${encoded.length} characters`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
