package org.partnershipexplorer.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.partnershipexplorer.provenance.Confidence;

/**
 * The support analysis's knobs ({@code explorer.support.*}; defaults in application.yml, explained in
 * bench/ANALYTICS.md "The support-need score").
 *
 * @param windowYears       support counts when it overlaps the year asked and the {@code windowYears - 1} before
 *                          it: a course given two years ago still supports a contingent today
 * @param targetProviders   with this many distinct providers, a contributor's personnel no longer counts against it
 * @param personnelHalfLoad personnel at which the personnel load is 0.5 (load = p / (p + half))
 * @param missionsHalfLoad  missions at which the load is 0.5, where no dated UN total stands for personnel
 * @param womenTarget       the share of women a contributor is measured against (0.15: the UN's 2028 target for
 *                          military contingents, which make up most uniformed personnel)
 * @param confidence        the confidences an analysis counts when the query names none: an illustrative row is
 *                          invented, so by default it weighs nothing
 * @param weights           each reason's weight in the score
 * @param suggestion        the weights of a partner suggestion's score
 */
@ConfigurationProperties("explorer.support")
public record SupportSettings(int windowYears, int targetProviders, int personnelHalfLoad, int missionsHalfLoad,
        double womenTarget, List<Confidence> confidence, Weights weights, Suggestion suggestion) {

    /** The weight of each reason (SupportReasonCode); only their ratios matter, see {@link SupportScore}. */
    @ConfigurationProperties("weights")
    public record Weights(double noSupport, double singleProvider, double smallComponent, double peersWellSupported,
            double highPersonnelLowSupport, double womenBelowTarget, double lostProviders) {
    }

    /** The weight of each signal in a partner suggestion's score. */
    @ConfigurationProperties("suggestion")
    public record Suggestion(double adamicAdar, double commonNeighbours, double sharedMissions, double sameRegion,
            double pastDeliveries) {
    }

    /** The values of application.yml, for pure tests; SupportAnalyticsIT checks that the two agree. */
    public static SupportSettings defaults() {
        return new SupportSettings(3, 3, 1000, 2, 0.15,
                List.of(Confidence.VERIFIED, Confidence.REPORTED, Confidence.ESTIMATE),
                new Weights(0.30, 0.15, 0.10, 0.10, 0.20, 0.10, 0.15),
                new Suggestion(1.0, 0.5, 1.0, 0.5, 1.0));
    }

    /** Checked at start: a window under a year or a negative weight would make the score meaningless. */
    public SupportSettings {
        if (windowYears < 1 || targetProviders < 1 || personnelHalfLoad < 1 || missionsHalfLoad < 1) {
            throw new IllegalArgumentException("explorer.support: window-years, target-providers, personnel-half-load"
                    + " and missions-half-load must be at least 1");
        }
        if (!(womenTarget > 0 && womenTarget <= 1)) {
            throw new IllegalArgumentException("explorer.support.women-target must be a share above 0 and at most 1,"
                    + " got " + womenTarget);
        }
        if (confidence == null || confidence.isEmpty()) {
            throw new IllegalArgumentException("explorer.support.confidence must name at least one confidence");
        }
        if (weights == null || suggestion == null) {
            throw new IllegalArgumentException("explorer.support.weights and explorer.support.suggestion must be set");
        }
        double[] all = {weights.noSupport, weights.singleProvider, weights.smallComponent,
            weights.peersWellSupported, weights.highPersonnelLowSupport, weights.womenBelowTarget,
            weights.lostProviders, suggestion.adamicAdar, suggestion.commonNeighbours, suggestion.sharedMissions,
            suggestion.sameRegion, suggestion.pastDeliveries};
        for (double w : all) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("explorer.support: every weight must be a finite number >= 0");
            }
        }
        confidence = List.copyOf(confidence);
    }

    /** The confidences counted: those the query names, else the configured default. */
    public Set<Confidence> confidence(List<Confidence> asked) {
        return EnumSet.copyOf(asked == null ? confidence : asked);
    }
}
