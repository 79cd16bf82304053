'use strict';
// Validates Kubernetes objects against the Kubernetes API schemas shipped by the
// kubernetes-models packages (generated from the Kubernetes OpenAPI specification).
// Input: a JSON file holding an array of objects. Output (stdout): a JSON array with one
// entry per object: {index, apiVersion, kind, name, errors: [..]}. An object whose kind has
// no schema is an error, never skipped.
const fs = require('fs');

// API groups whose schemas come from a package other than kubernetes-models.
const PACKAGES = {
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[A-Za-z0-9]+$/.test(kind)) {
    throw new Error('apiVersion and kind must be strings');
  }
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const pkg = PACKAGES[group] || 'kubernetes-models';
  let mod;
  try {
    mod = require(`${pkg}/${apiVersion}/${kind}`);
  } catch (e) {
    throw new Error(`no schema for ${apiVersion} ${kind}`);
  }
  const Model = mod[kind] || mod.default;
  if (typeof Model !== 'function') {
    throw new Error(`no schema for ${apiVersion} ${kind}`);
  }
  return Model;
}

const objects = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = objects.map((obj, index) => {
  const out = {
    index,
    apiVersion: obj && obj.apiVersion,
    kind: obj && obj.kind,
    name: obj && obj.metadata && obj.metadata.name,
    errors: [],
  };
  try {
    const Model = modelFor(obj.apiVersion, obj.kind);
    new Model(obj).validate();
  } catch (e) {
    out.errors.push(String(e && e.message ? e.message : e));
  }
  return out;
});
process.stdout.write(JSON.stringify(results));
