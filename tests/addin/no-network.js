/*
 * Preload for child processes of the add-in tests (`node --require tests/addin/no-network.js`):
 * a connection to anything but this machine (loopback or a local socket), or a DNS lookup of
 * another host, fails, and a line with "no-network.js blocked" goes to stderr so the test sees it
 * even when the caller swallows the error.
 */
'use strict';
const net = require('net');
const dns = require('dns');

const LOCAL = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '::', '']);
const isLocal = (host) =>
  host === undefined || host === null || LOCAL.has(String(host).replace(/^\[|\]$/g, '')) || /^127\./.test(String(host));

function blocked(what) {
  process.stderr.write(`no-network.js blocked ${what} (pid ${process.pid})\n`);
  return new Error(`no-network.js: ${what} is not allowed in this test`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  let opts = args[0];
  if (Array.isArray(opts)) opts = opts[0]; // internal normalized form
  let host;
  if (opts && typeof opts === 'object') {
    if (opts.path) return connect.apply(this, args);
    host = opts.host;
  } else if (typeof opts === 'string' && !/^\d+$/.test(opts)) {
    return connect.apply(this, args); // a local socket path
  } else {
    host = typeof args[1] === 'string' ? args[1] : undefined;
  }
  if (!isLocal(host)) {
    // Fail the way an offline machine does: the socket errors, asynchronously.
    const err = blocked(`a connection to ${host}`);
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return connect.apply(this, args);
};

for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  const original = dns[name];
  dns[name] = function (host, ...rest) {
    if (!isLocal(host)) throw blocked(`a DNS lookup of ${host}`);
    return original.call(this, host, ...rest);
  };
  const promised = dns.promises[name];
  dns.promises[name] = function (host, ...rest) {
    if (!isLocal(host)) return Promise.reject(blocked(`a DNS lookup of ${host}`));
    return promised.call(this, host, ...rest);
  };
}
