package dev.backchannel.bench.report;

/**
 * One measured figure of a scenario, beside its target and the baseline's figure for the same load.
 *
 * @param name     what was measured
 * @param value    our figure (NaN when it could not be measured)
 * @param unit     its unit
 * @param target   the target, as text ({@code null}: no target)
 * @param baseline the baseline's figure under the same load (NaN: no baseline for it); for fan-out the
 *                 broker-fed baseline (the same broker feeding a minimal Vert.x server)
 * @param ceiling  the ceiling's figure under the same load (NaN: none): the minimal server with no
 *                 broker, publishing the plan itself
 * @param verdict  {@link Verdict}
 * @param limits   what limits us here, as far as the run shows it
 */
public record Figure(String name, double value, String unit, String target, double baseline, double ceiling,
        Verdict verdict, String limits) {

    /** A figure with a baseline but no ceiling. */
    public Figure(String name, double value, String unit, String target, double baseline, Verdict verdict,
            String limits) {
        this(name, value, unit, target, baseline, Double.NaN, verdict, limits);
    }

    public enum Verdict {
        PASS("pass"), FALLS_SHORT("falls short"), NO_TARGET("—"), NOT_MEASURED("not measured"), SMALLER_RUN("n/a at this size");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public static Figure of(String name, double value, String unit) {
        return new Figure(name, value, unit, null, Double.NaN, Verdict.NO_TARGET, null);
    }

    /** A figure that passes when {@code value <= max}. */
    public static Figure atMost(String name, double value, String unit, double max, String target) {
        return new Figure(name, value, unit, target, Double.NaN, judge(value, value <= max), null);
    }

    /** A figure that passes when {@code value >= min}. */
    public static Figure atLeast(String name, double value, String unit, double min, String target) {
        return new Figure(name, value, unit, target, Double.NaN, judge(value, value >= min), null);
    }

    /** A figure whose target is about a larger size than this run had. */
    public static Figure atSmallerSize(String name, double value, String unit, String target) {
        return new Figure(name, value, unit, target, Double.NaN, Verdict.SMALLER_RUN, null);
    }

    public Figure withBaseline(double baselineValue) {
        return new Figure(name, value, unit, target, baselineValue, ceiling, verdict, limits);
    }

    public Figure withCeiling(double ceilingValue) {
        return new Figure(name, value, unit, target, baseline, ceilingValue, verdict, limits);
    }

    public Figure limitedBy(String text) {
        return new Figure(name, value, unit, target, baseline, ceiling, verdict, text);
    }

    /** Our figure over the baseline's (NaN without a baseline). */
    public double ratio() {
        return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : value / baseline;
    }

    /** Our figure over the ceiling's (NaN without a ceiling). */
    public double ceilingRatio() {
        return Double.isNaN(ceiling) || ceiling == 0 ? Double.NaN : value / ceiling;
    }

    private static Verdict judge(double value, boolean ok) {
        if (Double.isNaN(value)) {
            return Verdict.NOT_MEASURED;
        }
        return ok ? Verdict.PASS : Verdict.FALLS_SHORT;
    }
}
