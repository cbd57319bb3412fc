// The peer: @neo4j/graphql on Apollo Server, the stack a Neo4j user would pick instead of this service, serving the
// same graph (docs/graph-model.md) in its own generated schema. Production settings: NODE_ENV=production, no
// introspection, no landing page, the driver's pool as large as the service's (the Java driver's default, 100).
// Usage: NEO4J_URI=bolt://127.0.0.1:7687 PORT=4000 node server.mjs
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = /* GraphQL */ `
  interface Actor {
    id: ID!
    name: String!
  }

  type Country implements Actor @node(labels: ["Country"]) {
    id: ID!
    iso3: ID!
    name: String!
    region: String
    trains: [Actor!]! @relationship(type: "TRAINS", direction: OUT, properties: "Trains")
    trainedBy: [Actor!]! @relationship(type: "TRAINS", direction: IN, properties: "Trains")
    donatesTo: [Actor!]! @relationship(type: "DONATES_TO", direction: OUT, properties: "Donates")
    receivesFrom: [Actor!]! @relationship(type: "DONATES_TO", direction: IN, properties: "Donates")
    contributesTo: [Mission!]! @relationship(type: "CONTRIBUTES_TO", direction: OUT, properties: "Contributes")
  }

  type Organization implements Actor @node(labels: ["Organization"]) {
    id: ID!
    code: ID!
    name: String!
  }

  type Mission @node(labels: ["Mission"]) {
    acronym: ID!
    name: String!
    startYear: Int
    contributors: [Country!]! @relationship(type: "CONTRIBUTES_TO", direction: IN, properties: "Contributes")
  }

  type Trains @relationshipProperties {
    id: ID!
    year: Int!
    endYear: Int
    program: String
    topic: String
    confidence: String
  }

  type Donates @relationshipProperties {
    id: ID!
    year: Int!
    item: String
    valueUsd: Int
    confidence: String
  }

  type Contributes @relationshipProperties {
    id: ID!
    year: Int!
    total: Int
    women: Int
  }
`;

const driver = neo4j.driver(process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687", neo4j.auth.basic("neo4j", "unused"), {
  maxConnectionPoolSize: 100,
});
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({
  schema,
  introspection: false,
  plugins: [ApolloServerPluginLandingPageDisabled()],
});
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(process.env.PORT ?? 4000) },
});
console.log(`ready ${url}`);
