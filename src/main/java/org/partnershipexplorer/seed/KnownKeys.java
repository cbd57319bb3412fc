package org.partnershipexplorer.seed;

import java.util.Map;
import java.util.Set;
import org.partnershipexplorer.seed.Column.Ref;

/** The keys the graph holds already, for references a seed's own files do not define. */
@FunctionalInterface
interface KnownKeys {

    /**
     * Answers, of the keys wanted, those the graph has: in one read, however many rows named them.
     *
     * @param wanted keys by kind ({@link Ref#ACTOR}: a country's iso3 or an organisation's code)
     */
    Map<Ref, Set<String>> existing(Map<Ref, Set<String>> wanted);
}
