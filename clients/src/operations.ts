// The operations of docs/clients.md. Codegen reads the graphql(...) calls and types each document.
import { graphql } from "./gql/index.js";

export const CountryProfile = graphql(`
  query CountryProfile($iso3: ID!) {
    country(iso3: $iso3) {
      id
      name
      region
      memberships { id since organization { id code name } }
    }
  }
`);

export const Countries = graphql(`
  query Countries($region: String, $first: Int, $after: String) {
    countries(region: $region, first: $first, after: $after) {
      edges { cursor node { id iso3 name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const MissionName = graphql(`
  query MissionName($acronym: ID!) {
    mission(acronym: $acronym) { id acronym name }
  }
`);

export const MissionYears = graphql(`
  query MissionYears($acronym: ID!) {
    mission(acronym: $acronym) { id startYear hosts { id iso3 } }
  }
`);

export const NodeById = graphql(`
  query NodeById($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Mission { acronym startYear }
      ... on Deployment { asOf total country { id } }
      ... on Training { year trainer { id } trainee { id } }
      ... on Actor { name }
    }
  }
`);
