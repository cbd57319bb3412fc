package org.partnershipexplorer.graphql;

/**
 * A feature's projections: how its records and its nested fields are fetched inside an enclosing statement
 * ({@link Prefetch}). Defined once, at start.
 */
public interface Projections {

    void define(Prefetch.Definitions definitions);
}
