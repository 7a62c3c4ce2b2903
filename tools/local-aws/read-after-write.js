'use strict';

// S3 is strongly read-after-write consistent: once a PUT has been answered, every GET returns the new object whole.
// s3rver's file-system store answers a PUT as soon as the bytes have passed its MD5 hash, before its write stream has
// flushed them and closed the file, and it rewrites the object's file in place; so a GET right after the PUT can read
// the file half-replaced while the stored MD5 (the ETag the SDK checks) is already the new one. This replaces the
// store's putObject: the bytes go to a staging file beside the data directory, which is closed and then renamed over
// the object (a rename is atomic), and only then are the MD5 and metadata recorded and the PUT answered.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { Readable, Transform } = require('stream');
const { pipeline } = require('stream/promises');

function keepReadAfterWrite(store, stagingDir) {
  let staged = 0;
  store.putObject = async function putObject(object) {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    await fs.promises.mkdir(path.dirname(objectPath), { recursive: true });
    const staging = path.join(stagingDir, `${++staged}.partial`);
    const md5Context = crypto.createHash('md5');
    let size = 0;
    const hashing = new Transform({
      transform(chunk, encoding, callback) {
        md5Context.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const content = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    try {
      await pipeline(content, hashing, fs.createWriteStream(staging));
      await fs.promises.rename(staging, objectPath);
    } finally {
      await fs.promises.rm(staging, { force: true });
    }

    const md5 = md5Context.digest('hex');
    await this.putMetadata(object.bucket, object.key, object.metadata, md5);
    return { size, md5 };
  };
}

module.exports = { keepReadAfterWrite };
