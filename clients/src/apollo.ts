// Apollo Client 3 for Partnership Explorer, as docs/clients.md sets it up.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client/core/index.js";
import { onError } from "@apollo/client/link/error/index.js";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries/index.js";
import { relayStylePagination } from "@apollo/client/utilities/index.js";
import { createHash } from "node:crypto";
import possibleTypes from "./gql/possible-types.js";

export function apolloClient(uri: string, fetchImpl: typeof fetch = fetch, errors: string[] = []) {
  const cache = new InMemoryCache({
    // interfaces and unions: which object types a fragment on Actor, Node, Partnership... may match
    possibleTypes: possibleTypes.possibleTypes,
    typePolicies: {
      Query: {
        fields: {
          // each filter is a list of its own; first and after only page through it
          countries: relayStylePagination(["region", "subregion", "unMember"]),
          organizations: relayStylePagination(["kind"]),
          missions: relayStylePagination(["activeIn"]),
          pledges: relayStylePagination(["ministerial", "category", "pledger", "status"]),
          programs: relayStylePagination(),
          ministerials: relayStylePagination(),
          sources: relayStylePagination(),
        },
      },
      // objects without an id (figures, scores, pages) stay inside their parent
      PageInfo: { keyFields: false },
      MinisterialFigures: { keyFields: false },
      Statistics: { keyFields: false },
    },
  });
  const errorLink = onError(({ graphQLErrors, networkError }) => {
    for (const error of graphQLErrors ?? []) {
      // extensions.code says what to do: NOT_FOUND is an answer, BAD_USER_INPUT a bug in the caller,
      // RATE_LIMITED and SERVICE_UNAVAILABLE are worth a retry later
      errors.push(`${error.extensions?.code}: ${error.message}`);
    }
    if (networkError) {
      errors.push(`network: ${networkError.message}`);
    }
  });
  const persisted = createPersistedQueryLink({
    sha256: (text: string) => createHash("sha256").update(text).digest("hex"),
    useGETForHashedQueries: true,
  });
  return new ApolloClient({
    cache,
    link: ApolloLink.from([errorLink, persisted, new HttpLink({ uri, fetch: fetchImpl })]),
  });
}
