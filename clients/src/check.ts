// Runs the operations of docs/clients.md through Apollo Client and urql against a running service and checks their
// answers: values of the bundled seed (which the service's tests' frozen seed shares). Exits 1 on the first mismatch.
//   EXPLORER_URL=http://localhost:8080/graphql npm run check
import assert from "node:assert/strict";
import { apolloClient } from "./apollo.js";
import { urqlClient } from "./urql.js";
import { Countries, CountryProfile, MissionName, MissionYears, NodeById } from "./operations.js";

const url = process.env.EXPLORER_URL ?? "http://localhost:8080/graphql";

async function main() {
  // Apollo and Graphcache warn on the console when they cannot normalise an answer (an object without a key,
  // a fragment they cannot match): any warning fails the check
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  console.error = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));

  const sent: string[] = [];
  const recording: typeof fetch = (input, init) => {
    sent.push(`${init?.method ?? "GET"} ${String(input)} ${init?.body ?? ""}`);
    return fetch(input, init);
  };
  const errors: string[] = [];
  const apollo = apolloClient(url, recording, errors);
  let checks = 0;
  const check = (what: string, run: () => void) => {
    try {
      run();
      checks++;
    } catch (e) {
      throw new Error(`${what}: ${(e as Error).message}`);
    }
  };

  // a country: the first request names the document by its hash only, the service asks for it, the link sends it
  const kenya = await apollo.query({ query: CountryProfile, variables: { iso3: "KEN" } });
  check("CountryProfile", () => {
    assert.equal(kenya.data.country?.name, "Kenya");
    assert.equal(kenya.data.country?.region, "Africa");
    assert.ok(kenya.data.country?.memberships.some((m) => m.id === "MEMBERSHIP:KEN:AU" && m.organization.code === "AU"));
  });
  // (a service that has stored the document already, from an earlier run, answers the hash at once)
  const first = sent.length;
  check("persisted query: hash first, then the query beside it", () => {
    assert.ok(first === 1 || first === 2, `${first} requests`);
    assert.match(sent[0], /^GET .*sha256Hash/);
    assert.doesNotMatch(sent[0], /query=/);
    if (first === 2) {
      assert.match(sent[1], /"query":"query CountryProfile/);
    }
  });
  await apollo.query({ query: CountryProfile, variables: { iso3: "KEN" }, fetchPolicy: "network-only" });
  check("persisted query: later, the hash alone", () => {
    assert.equal(sent.length, first + 1);
    assert.match(sent[first], /^GET .*sha256Hash/);
    assert.doesNotMatch(sent[first], /query=/);
  });

  // one object, two selections: merged into one cache entry, keyed by type and id
  await apollo.query({ query: MissionName, variables: { acronym: "UNMISS" } });
  await apollo.query({ query: MissionYears, variables: { acronym: "UNMISS" } });
  check("normalised mission", () => {
    assert.equal(apollo.cache.identify({ __typename: "Mission", id: "MISSION:UNMISS" }), "Mission:MISSION:UNMISS");
    const stored = apollo.cache.extract()["Mission:MISSION:UNMISS"] as Record<string, unknown>;
    assert.equal(stored.name, "United Nations Mission in the Republic of South Sudan");
    assert.equal(stored.startYear, 2011);
    assert.deepEqual(stored.hosts, [{ __ref: "Country:SSD" }]);
  });

  // node(id:): any object again by its id, here a deployment, whose country is the cache's Kenya
  const deployment = await apollo.query({ query: NodeById, variables: { id: "DEPLOYMENT:KEN:2021-01-31" } });
  check("node: a deployment", () => {
    const node = deployment.data.node;
    assert.equal(node?.__typename, "Deployment");
    if (node?.__typename === "Deployment") {
      assert.equal(node.total, 162);
      assert.equal(node.country.id, "KEN");
    }
    assert.deepEqual((apollo.cache.extract()["Deployment:DEPLOYMENT:KEN:2021-01-31"] as { country: unknown }).country,
      { __ref: "Country:KEN" });
  });
  const training = await apollo.query({ query: NodeById, variables: { id: "TRAINING:JPN:KEN:2015:TPP" } });
  check("node: a training", () => {
    const node = training.data.node;
    assert.equal(node?.__typename, "Training");
    if (node?.__typename === "Training") {
      assert.equal(node.year, 2015);
      assert.equal(node.trainer.id, "JPN");
      assert.equal(node.trainee.id, "KEN");
    }
  });

  // pages: relayStylePagination appends each page to the list of its filter. A later page must go to the network
  // (fetchMore does so): read from the cache, it would answer the pages already merged
  let page = await apollo.query({ query: Countries, variables: { region: "Africa", first: 20 } });
  for (let pages = 1; page.data.countries.pageInfo.hasNextPage && pages < 10; pages++) {
    page = await apollo.query({
      query: Countries,
      variables: { region: "Africa", first: 20, after: page.data.countries.pageInfo.endCursor },
      fetchPolicy: "network-only",
    });
  }
  const africa = apollo.readQuery({ query: Countries, variables: { region: "Africa", first: 20 } });
  await apollo.query({ query: Countries, variables: { region: "Europe", first: 5 } });
  check("pages of one filter in one list", () => {
    const iso3s = africa?.countries.edges.map((e) => e.node.iso3) ?? [];
    assert.equal(iso3s.length, 55);
    assert.equal(new Set(iso3s).size, 55);
    assert.equal(iso3s[0], "AGO");
    assert.ok(iso3s.includes("KEN"));
    const again = apollo.readQuery({ query: Countries, variables: { region: "Africa", first: 20 } });
    assert.equal(again?.countries.edges.length, 55, "another filter's page left Africa's list as it was");
  });

  // errors: extensions.code says what happened
  const missing = await apollo.query({ query: CountryProfile, variables: { iso3: "XYZ" }, errorPolicy: "all" });
  const malformed = await apollo.query({ query: NodeById, variables: { id: "mission:UNMISS" }, errorPolicy: "all" });
  check("errors by extensions.code", () => {
    assert.equal(missing.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.equal(missing.data?.country ?? null, null);
    assert.equal(malformed.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(errors.map((e) => e.split(":")[0]), ["NOT_FOUND", "BAD_USER_INPUT"]);
  });
  const unknown = await apollo.query({ query: NodeById, variables: { id: "MISSION:NOPE" } });
  check("an id nothing has: null, no error", () => assert.equal(unknown.data.node, null));

  // urql and Graphcache, on the same operations
  const urql = urqlClient(url);
  const urqlAfrica = await urql.query(Countries, { region: "Africa", first: 100 }).toPromise();
  const urqlMission = await urql.query(NodeById, { id: "MISSION:UNMISS" }).toPromise();
  check("urql", () => {
    assert.equal(urqlAfrica.error, undefined);
    assert.equal(urqlAfrica.data?.countries.edges.length, 55);
    const node = urqlMission.data?.node;
    assert.equal(node?.__typename, "Mission");
    if (node?.__typename === "Mission") {
      assert.equal(node.startYear, 2011);
    }
  });
  const urqlMissing = await urql.query(CountryProfile, { iso3: "XYZ" }).toPromise();
  check("urql errors by extensions.code", () =>
    assert.equal(urqlMissing.error?.graphQLErrors[0]?.extensions?.code, "NOT_FOUND"));

  check("no cache warnings", () => assert.deepEqual(warnings, []));
  console.log(`client check: ${checks} checks passed against ${url}`);
}

main().catch((e) => {
  process.stderr.write(`client check failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
