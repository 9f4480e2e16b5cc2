'use strict';

/** JSON with sorted object keys: the server's key for a (path, params) pair. */
const canonical = (value) => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

const keyOf = (path, params) => `${path} ${canonical(params ?? {})}`;

module.exports = { canonical, keyOf };
