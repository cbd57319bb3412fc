package org.partnershipexplorer.graphql;

/**
 * A feature's projections: how its records and its nested fields are fetched inside an enclosing statement
 * ({@link Prefetch}), and how its scalars and root fields are written into a translated query's one statement
 * ({@link Translator}). Defined once, at start, beside the repository whose answers they must equal.
 */
public interface Projections {

    void define(FieldRegistry.Definitions definitions);
}
