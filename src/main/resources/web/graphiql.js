// GraphiQL's start, in a file of its own so that the page's Content-Security-Policy can refuse every inline script
const fetcher = GraphiQL.createFetcher({
  url: new URL('/graphql', window.location.href).toString(),
  headers: { Accept: 'application/graphql-response+json' }
});
const defaultQuery = `# Who trains whom: try a country, its contributions and its missions.
{
  country(iso3: "KEN") {
    name
    region
    contributions(years: {from: 2021, to: 2021}) { mission { acronym } troops confidence source }
  }
}
`;
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true })
);
