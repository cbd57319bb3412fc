package org.partnershipexplorer.statistics;

import java.util.List;
import org.partnershipexplorer.provenance.Confidence;

/** The GraphQL {@code Statistics} and its rows; each field of {@code Statistics} is one aggregate query. */
public final class Statistics {

    /** {@code Query.statistics} has no arguments: its fields carry them. */
    static final Statistics INSTANCE = new Statistics();

    private Statistics() {
    }

    /** Geo-PKO presence in one mission and year: estimates of unit sizes, never head counts. */
    public record MissionPersonnel(String acronym, int year, int contributors, Integer estimatedTroops,
            int contributorsWithUnknownSize, Confidence confidence) {
    }

    public record RegionPersonnel(String region, String asOf, int total, Integer women, Double womenShare,
            int countries) {
    }

    public record DatePersonnel(String asOf, int total, Integer women, Double womenShare, int countries) {
    }

    public record YearPartnerships(int year, String kind, int count) {
    }

    public record PledgeCount(String key, int count, int delivered) {
    }

    /** What the loaded data covers ({@code Statistics.coverage}); sourced means verified or reported. */
    public record Coverage(String release, String loadedAt, int partnerships, List<CoverageCount> byKind,
            List<CoverageCount> byProvider, List<CoverageCount> byYear, int sources, int publishers) {
    }

    /** One count of a coverage breakdown: a kind, a provider's id or a year, and how many. */
    public record CoverageCount(String key, int count) {
    }

    /** The weakest of several confidences: an aggregate is no more certain than its least certain row. */
    static Confidence weakest(List<String> stored) {
        return stored.stream().map(Confidence::of).max(Enum::compareTo).orElse(Confidence.ESTIMATE);
    }

    /** women / total when women is published for every country counted, else null (a partial sum would mislead). */
    static Double share(Integer women, int total) {
        return women == null || total == 0 ? null : (double) women / total;
    }
}
