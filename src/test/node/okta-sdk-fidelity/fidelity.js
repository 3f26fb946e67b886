// Lists every user and pages the System Log of the org at OKTA_ORG_URL with Okta's official Node SDK,
// following its own Link-header paging, and prints the ids it saw as one JSON line.
const okta = require('@okta/okta-sdk-nodejs');

async function collect(collection, pick) {
  const items = [];
  await collection.each(item => { items.push(pick(item)); });
  return items;
}

async function main() {
  const client = new okta.Client({ orgUrl: process.env.OKTA_ORG_URL, token: process.env.OKTA_API_TOKEN });
  const users = await collect(await client.userApi.listUsers({ limit: 25 }), u => u.id);
  const events = await collect(await client.systemLogApi.listLogEvents({ since: '2000-01-01T00:00:00Z', limit: 50 }), e => e.uuid);
  console.log(JSON.stringify({ users, events }));
}

main().catch(e => { console.error(String((e && e.message) || e)); process.exit(1); });
