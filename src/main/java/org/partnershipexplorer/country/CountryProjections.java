package org.partnershipexplorer.country;

import jakarta.inject.Singleton;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.graphql.Projections;

/** A country fetched inside an enclosing statement: its key and the properties the request selects. */
@Singleton
final class CountryProjections implements Projections {

    @Override
    public void define(Prefetch.Definitions definitions) {
        definitions.type("Country", new Prefetch.TypeProjection(v -> v + ":Country",
                (v, selected) -> Prefetch.properties(v, selected, "iso3", "confidence"), Country::of));
    }
}
