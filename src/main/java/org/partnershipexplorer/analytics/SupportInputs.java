package org.partnershipexplorer.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.partnershipexplorer.analytics.PartnershipGraph.Link;
import org.partnershipexplorer.analytics.SupportScore.CountryFacts;

/**
 * What the support analyses of several years need, read in one statement (AnalyticsRepository#supportInputs), and
 * cut into one year's inputs here, in memory: a trend or a series asks for many years at once, and one read of
 * their spans costs less than a statement per year.
 *
 * @param spans    relationships of the kinds and confidences asked, grouped by provider, recipient and span
 * @param served   Geo-PKO's contributions: who served in which missions in each year asked
 * @param totals   every dated UN total of uniformed personnel up to the end of the last year asked
 * @param missions every mission's acronym (to tell an unknown mission filter from an empty one)
 */
public record SupportInputs(List<Span> spans, List<Served> served, List<Total> totals, Set<String> missions) {

    /** {@code count} relationships from provider to recipient running {@code year..end}; sourced: verified or reported. */
    public record Span(String provider, String recipient, int year, int end, boolean sourced, int count) {
        boolean overlaps(int from, int to) {
            return year <= to && end >= from;
        }
    }

    /** A country's missions in one year, from the Geo-PKO maps. */
    public record Served(int year, String iso3, String region, List<String> missions) {
    }

    /** One dated UN total of a country's uniformed personnel; women where the UN gave them. */
    public record Total(String iso3, String region, String asOf, int personnel, Integer women) {
        int year() {
            return Integer.parseInt(asOf.substring(0, 4));
        }
    }

    /**
     * One year's inputs: the graph of its window, the graph of the window before (what was lost), its providers
     * (actors that gave at least one sourced relationship in the window) and its contributors.
     *
     * <p>The contributors of a year are the countries with a UN total dated in it (personnel and women from the
     * newest such total), because the UN counts every contributor while the Geo-PKO maps show only some. Only a year
     * with no UN total at all falls back to the countries on its Geo-PKO maps, with their newest total up to it.
     */
    public SupportScore.Inputs year(int year, int windowYears) {
        int from = year - windowYears + 1;
        Set<String> providers = new TreeSet<>();
        List<Link> window = new ArrayList<>();
        List<Link> before = new ArrayList<>();
        for (Span s : spans) {
            if (s.overlaps(from, year)) {
                window.add(new Link(s.provider(), s.recipient(), s.count()));
                if (s.sourced() && !s.provider().equals(s.recipient())) {
                    providers.add(s.provider());
                }
            }
            if (s.overlaps(from - 1, year - 1)) {
                before.add(new Link(s.provider(), s.recipient(), s.count()));
            }
        }

        Map<String, List<String>> missionsOf = new HashMap<>();
        Map<String, String> regions = new HashMap<>();
        served.stream().filter(s -> s.year() == year).forEach(s -> {
            missionsOf.put(s.iso3(), s.missions());
            regions.put(s.iso3(), s.region());
        });
        Map<String, Total> newestInYear = new TreeMap<>();
        Map<String, Total> newestUpTo = new TreeMap<>();
        for (Total t : totals) {
            regions.putIfAbsent(t.iso3(), t.region());
            if (t.year() <= year) {
                newestUpTo.merge(t.iso3(), t, SupportInputs::newer);
            }
            if (t.year() == year) {
                newestInYear.merge(t.iso3(), t, SupportInputs::newer);
            }
        }
        Set<String> contributors = new HashSet<>();
        if (newestInYear.isEmpty()) {
            contributors.addAll(missionsOf.keySet());
        } else {
            newestInYear.values().stream().filter(t -> t.personnel() > 0).forEach(t -> contributors.add(t.iso3()));
        }
        Set<String> known = new TreeSet<>(newestUpTo.keySet());
        known.addAll(missionsOf.keySet());
        List<CountryFacts> facts = new ArrayList<>();
        for (String iso3 : known) {
            Total total = newestInYear.getOrDefault(iso3, newestUpTo.get(iso3));
            facts.add(new CountryFacts(iso3, regions.get(iso3), missionsOf.getOrDefault(iso3, List.of()),
                    contributors.contains(iso3), total == null ? null : total.personnel(),
                    total == null ? null : total.women(), total == null ? null : total.asOf()));
        }
        return new SupportScore.Inputs(PartnershipGraph.of(window), PartnershipGraph.of(before), providers, facts);
    }

    private static Total newer(Total a, Total b) {
        return a.asOf().compareTo(b.asOf()) >= 0 ? a : b;
    }
}
