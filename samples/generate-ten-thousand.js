#!/usr/bin/env node
'use strict';
// Writes samples/ten-thousand.ndjson: 10,000 valid records {"id":n,"value":v}, the same bytes on every run.
const fs = require('fs');
const path = require('path');
const lines = [];
for (let id = 1; id <= 10000; id++) lines.push(JSON.stringify({ id, value: (id * 7919 % 1000) + 1 }));
fs.writeFileSync(path.join(__dirname, 'ten-thousand.ndjson'), lines.join('\n') + '\n');
