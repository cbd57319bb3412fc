// GraphiQL's start, in a file of its own so that the page's Content-Security-Policy can refuse every inline script
const subscriptionUrl = new URL('/graphql-ws', window.location.href);
subscriptionUrl.protocol = subscriptionUrl.protocol === 'https:' ? 'wss:' : 'ws:';

// Subscriptions run over WebSocket (graphql-transport-ws). A browser cannot set headers on a WebSocket, so the
// Authorization header typed in GraphiQL's headers editor goes in connection_init's payload instead.
function connectionParams() {
  try {
    const headers = JSON.parse(window.localStorage.getItem('graphiql:headers') || '{}');
    const name = Object.keys(headers).find((key) => key.toLowerCase() === 'authorization');
    return name ? { Authorization: headers[name] } : {};
  } catch (e) {
    return {};
  }
}

const fetcher = GraphiQL.createFetcher({
  url: new URL('/graphql', window.location.href).toString(),
  headers: { Accept: 'application/graphql-response+json' },
  wsClient: graphqlWs.createClient({ url: subscriptionUrl.toString(), lazy: true, connectionParams })
});
const defaultQuery = `# Who trains whom: try a country, its contributions and its missions.
{
  country(iso3: "KEN") {
    name
    region
    contributions(years: {from: 2021, to: 2021}) { mission { acronym } troops confidence source }
  }
}

# Live updates: run this, then write in another tab; each committed change appears on the right.
# subscription { partnershipChanged { operation kind id provider recipient year by at } }
`;
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true })
);
