package org.partnershipexplorer.analytics;

/**
 * GraphQL {@code SupportRole}: what a country is in a year's support analysis. A provider (an actor that gave at
 * least one sourced training or donation in the window) is never ranked as an isolated contributor, even when it
 * also sends personnel: it carries support rather than lacking it.
 */
public enum SupportRole {
    CONTRIBUTOR,
    PROVIDER,
    OTHER
}
