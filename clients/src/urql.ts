// urql with Graphcache for Partnership Explorer, as docs/clients.md sets it up.
import { Client, fetchExchange } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
import { relayPagination } from "@urql/exchange-graphcache/extras";
import schema from "./gql/introspection.js";

export function urqlClient(url: string) {
  return new Client({
    url,
    exchanges: [
      cacheExchange({
        schema,
        // every Node is keyed by its id (Graphcache's default); these have none and stay inside their parent
        keys: {
          PageInfo: () => null,
          CountryConnection: () => null,
          CountryEdge: () => null,
          MinisterialFigures: () => null,
        },
        resolvers: {
          // relayPagination keys each list by its arguments other than first and after: one list per filter
          Query: { countries: relayPagination() },
        },
      }),
      fetchExchange,
    ],
  });
}
