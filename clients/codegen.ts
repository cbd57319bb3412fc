import type { CodegenConfig } from "@graphql-codegen/cli";

// The schema is read from the file the service serves (it answers introspection with exactly this schema), not from
// the service's URL: codegen's URL loader asks for zstd-compressed answers, which the service may send and which
// Node 20's decompression cannot read.
const config: CodegenConfig = {
  schema: "../schema.graphqls",
  documents: ["src/**/*.ts", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  // imports with their .js extension, as Node's ES modules need them
  emitLegacyCommonJSImports: false,
  generates: {
    // typed documents: Apollo's useQuery/client.query and urql infer variables and results from them
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true },
    },
    // Apollo's possibleTypes, from the schema: kept equal to docs/api.md by the service's own tests
    "src/gql/possible-types.ts": {
      plugins: ["fragment-matcher"],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
    // urql's Graphcache schema (interfaces and unions, and which fields are lists)
    "src/gql/introspection.ts": {
      plugins: ["urql-introspection"],
      config: { module: "es2015" },
    },
  },
};

export default config;
