#!/usr/bin/env node
// Compiles every .sol file under a source folder with the npm `solc` (solcjs, pinned in the root
// package.json) through standard-JSON input, and writes one {"abi":[...],"bytecode":"0x..."} file
// per contract into the output folder. That JSON is what web3j's codegen reads (abiSourceFiles).
//
// Why a script and not the solcjs CLI: the CLI has no --evm-version, and the EVM version decides
// which opcodes the bytecode may use (it must match the L1 we target), so it is pinned here.
//
// Usage: node tools/solc/compile.js <sourceDir> <outputDir>
// Exit status: 0 on success, 1 on any compiler error (solc's messages go to stderr), 2 on bad usage.
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const solc = require('solc');

// Settings that change the bytecode. Keep them in one place: they are also part of the up-to-date
// stamp, so changing one recompiles.
const SETTINGS = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  // No metadata hash in the bytecode: the output is then reproducible byte for byte whatever the
  // absolute source paths or comments, which keeps builds and tests stable.
  metadata: { bytecodeHash: 'none' },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};

function usage(msg) {
  if (msg) console.error(`compile.js: ${msg}`);
  console.error('usage: node tools/solc/compile.js <sourceDir> <outputDir>');
  process.exit(2);
}

function listSol(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSol(full));
    else if (entry.isFile() && entry.name.endsWith('.sol')) out.push(full);
  }
  return out.sort();
}

function main() {
  const [srcArg, outArg] = process.argv.slice(2);
  if (!srcArg || !outArg) usage();
  const srcDir = path.resolve(srcArg);
  const outDir = path.resolve(outArg);
  if (!fs.existsSync(srcDir) || !fs.statSync(srcDir).isDirectory()) usage(`no such folder: ${srcArg}`);

  const files = listSol(srcDir);
  if (files.length === 0) {
    console.error(`compile.js: no .sol files under ${srcArg}`);
    process.exit(1);
  }

  // Source units are named by their path relative to the source folder, with forward slashes,
  // so that imports like "./Foo.sol" or "lib/Bar.sol" resolve the same on every machine.
  const sources = {};
  for (const f of files) {
    sources[path.relative(srcDir, f).split(path.sep).join('/')] = { content: fs.readFileSync(f, 'utf8') };
  }
  const input = { language: 'Solidity', sources, settings: SETTINGS };

  // Skip the (few seconds of) compilation when neither sources, settings nor compiler changed.
  const stampFile = path.join(outDir, '.compile-stamp');
  const stamp = crypto.createHash('sha256')
    .update(solc.version()).update(JSON.stringify(input)).digest('hex');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
    console.log(`compile.js: ${files.length} source file(s) unchanged, nothing to compile`);
    return;
  }

  // Imports outside the source set (e.g. node_modules libraries later) are read from disk,
  // looked up relative to the source folder first, then to node_modules.
  function findImports(importPath) {
    for (const base of [srcDir, path.resolve(__dirname, '..', '..', 'node_modules')]) {
      const candidate = path.resolve(base, importPath);
      if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, 'utf8') };
    }
    return { error: `File not found: ${importPath}` };
  }

  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));

  let failed = false;
  for (const e of output.errors || []) {
    const text = (e.formattedMessage || e.message).trimEnd();
    if (e.severity === 'error') {
      failed = true;
      console.error(text);
    } else {
      console.warn(text);
    }
  }
  if (failed) {
    console.error(`compile.js: compilation failed (solc ${solc.version()})`);
    process.exit(1);
  }

  fs.mkdirSync(outDir, { recursive: true });
  const written = new Map(); // contract name -> source unit, to refuse duplicates
  for (const [unit, contracts] of Object.entries(output.contracts || {})) {
    for (const [name, c] of Object.entries(contracts)) {
      if (written.has(name)) {
        console.error(`compile.js: contract name ${name} defined in both ${written.get(name)} and ${unit};` +
          ' output files are named by contract, so names must be unique');
        process.exit(1);
      }
      written.set(name, unit);
      const bytecode = c.evm && c.evm.bytecode && c.evm.bytecode.object ? '0x' + c.evm.bytecode.object : '0x';
      const json = JSON.stringify({ abi: c.abi, bytecode }, null, 2) + '\n';
      fs.writeFileSync(path.join(outDir, `${name}.json`), json);
    }
  }
  fs.writeFileSync(stampFile, stamp);
  console.log(`compile.js: solc ${solc.version()}, evm ${SETTINGS.evmVersion}: ` +
    `${written.size} contract(s) from ${files.length} file(s) -> ${path.relative(process.cwd(), outDir) || outDir}`);
}

main();
