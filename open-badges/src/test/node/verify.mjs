// An independent verifier for the credentials that open-badges issues (ADR 0034): the Digital
// Credentials Consortium's JavaScript libraries, not the Java code that signed them.
//
//   node verify.mjs CREDENTIAL.json [DOCUMENTS.json]
//
// DOCUMENTS.json maps a URL to the JSON document served for it (the status list credential, an
// https issuer profile and its key documents). Contexts come from the libraries' bundled copies and
// did:key resolves offline: nothing is fetched from the network. Prints one JSON line
// {"verified": true|false, "error": "..."} and exits 0 when verified, 1 when not, 2 on bad usage.
import {readFileSync} from 'node:fs';
import * as vc from '@digitalcredentials/vc';
import {DataIntegrityProof} from '@digitalcredentials/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
import {securityLoader} from '@digitalcredentials/security-document-loader';
import {checkStatus} from '@digitalcredentials/vc-bitstring-status-list';

const [credentialFile, documentsFile] = process.argv.slice(2);
if (!credentialFile) {
  console.error('usage: node verify.mjs CREDENTIAL.json [DOCUMENTS.json]');
  process.exit(2);
}
const credential = JSON.parse(readFileSync(credentialFile, 'utf8'));
const documents = documentsFile ? JSON.parse(readFileSync(documentsFile, 'utf8')) : {};

const loader = securityLoader({fetchRemoteContexts: false});
for (const [url, document] of Object.entries(documents)) {
  loader.addStatic(url, document);
}
const documentLoader = loader.build();
const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});

function firstError(result) {
  const errors = [];
  const collect = e => {
    if (!e) return;
    if (Array.isArray(e)) { e.forEach(collect); return; }
    errors.push(e.message || String(e));
    if (e.errors) collect(e.errors);
  };
  collect(result.error);
  (result.results || []).forEach(r => collect(r.error));
  if (result.statusResult && result.statusResult.error) collect(result.statusResult.error);
  if (result.statusResult && result.statusResult.verified === false && errors.length === 0) {
    errors.push('credential status: revoked');
  }
  return errors.join('; ');
}

try {
  const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
  console.log(JSON.stringify({verified: result.verified === true, error: result.verified ? undefined : firstError(result)}));
  process.exit(result.verified === true ? 0 : 1);
} catch (e) {
  console.log(JSON.stringify({verified: false, error: e.message}));
  process.exit(1);
}
