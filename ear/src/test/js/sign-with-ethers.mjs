// Signs one interaction with ethers (a library we did not write) from the domain and types the
// gateway publishes, submits it, and prints the gateway's answer as one JSON line.
// Environment: GATEWAY, TOKEN, PRIVATE_KEY, KIND (e.g. TRANSFER), MESSAGE (JSON of the fields
// other than the signer, which this script fills in from the key).
import { Wallet, TypedDataEncoder } from 'ethers';

const { GATEWAY, TOKEN, PRIVATE_KEY, KIND, MESSAGE } = process.env;
const auth = { Authorization: `Bearer ${TOKEN}` };

const published = await (await fetch(`${GATEWAY}/api/v1/domain`, { headers: auth })).json();
const typeName = Object.keys(published.types).find((name) => name.toUpperCase() === KIND.replace('_', ''));
if (!typeName) throw new Error(`no EIP-712 type for ${KIND} in ${Object.keys(published.types)}`);
// ethers takes the struct types without EIP712Domain, which it derives from the domain itself
const types = { [typeName]: published.types[typeName] };
const wallet = new Wallet(PRIVATE_KEY);
const signerField = published.types[typeName][0].name;
const message = { [signerField]: wallet.address, ...JSON.parse(MESSAGE) };
const signature = await wallet.signTypedData(published.domain, types, message);

const body = { kind: KIND, chainId: published.domain.chainId, ...message, signature };
const answer = await fetch(`${GATEWAY}/api/v1/interactions?wait=15`, {
  method: 'POST',
  headers: { ...auth, 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
console.log(JSON.stringify({
  status: answer.status,
  digest: TypedDataEncoder.hash(published.domain, types, message),
  body: await answer.json(),
}));
