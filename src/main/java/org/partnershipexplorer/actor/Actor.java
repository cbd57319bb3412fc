package org.partnershipexplorer.actor;

import org.partnershipexplorer.provenance.Confidence;

/** The GraphQL {@code Actor}: a country (id = iso3) or an organisation (id = code). */
public interface Actor {

    String id();

    String name();

    Confidence confidence();

    String source();
}
