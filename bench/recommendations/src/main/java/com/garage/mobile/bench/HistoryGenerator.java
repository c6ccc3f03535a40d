package com.garage.mobile.bench;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A garage's history, generated from a seed, with the patterns real shops see planted in it:
 * <ol>
 * <li><b>Interval services</b>: each vehicle drives its own 20-80 km a day; it comes in for an oil and
 * filter change when 15,000 km or 12 months have passed (0-30 days late), adding the air filter every
 * 30,000 km or 24 months and the brake fluid every 24 months when they are due too.</li>
 * <li><b>Code → repair links</b>: about 0.8 faults per vehicle a year, each a known fault with its
 * trouble code (read in 85% of visits), a concern in one of several wordings, and the repairs that
 * fix it with their probabilities (P0301 → spark plugs 70%, ignition coil 40%; P0420 → catalytic
 * converter or downstream oxygen sensor; …). Some faults have no code: brake squeal → pads.</li>
 * <li><b>Seasonal tyres</b>: 60% of vehicles swap tyres, winter ones in late October or November,
 * summer ones in April, on a visit whose concern says nothing of tyres.</li>
 * </ol>
 * A fault visit within 30 days of a due service includes the service, as shops combine them.
 */
final class HistoryGenerator {

    record Fault(String code, List<String> concerns, List<String> repairs, double[] chances) {
    }

    static final String OIL = "oil and filter change";
    static final String AIR_FILTER = "air filter replacement";
    static final String BRAKE_FLUID = "brake fluid change";
    static final String WINTER = "fit winter tyres";
    static final String SUMMER = "fit summer tyres";

    static final List<Fault> FAULTS = List.of(
            new Fault("P0301", List.of("Engine shakes at idle", "Misfire and engine light on",
                    "Rough running when cold"), List.of("replace spark plugs", "replace ignition coil"),
                    new double[] {0.7, 0.4}),
            new Fault("P0420", List.of("Engine light on", "Failed emissions test"),
                    List.of("replace catalytic converter", "replace downstream oxygen sensor"),
                    new double[] {0.5, 0.55}),
            new Fault("P0171", List.of("Hesitates when accelerating", "Engine light and poor fuel economy"),
                    List.of("clean mass air flow sensor", "replace intake gasket"), new double[] {0.65, 0.35}),
            new Fault("C0035", List.of("ABS light on", "ABS warning after wet drive"),
                    List.of("replace wheel speed sensor"), new double[] {0.9}),
            new Fault("P0128", List.of("Heater blows cold", "Temperature gauge stays low"),
                    List.of("replace thermostat"), new double[] {0.85}),
            new Fault(null, List.of("Squeal when braking", "Grinding noise from brakes"),
                    List.of("replace front brake pads", "replace front brake discs"), new double[] {0.9, 0.4}),
            new Fault(null, List.of("Battery flat in the morning", "Slow to start"),
                    List.of("replace battery"), new double[] {0.8}),
            new Fault(null, List.of("Clunk over bumps", "Knocking from suspension"),
                    List.of("replace anti roll bar links", "replace top mount"), new double[] {0.6, 0.3}));

    private final Random random;

    HistoryGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<GeneratedJob> generate(int vehicles, LocalDate from, LocalDate to) {
        List<GeneratedJob> jobs = new ArrayList<>();
        for (int v = 0; v < vehicles; v++) {
            jobs.addAll(vehicle(v, from, to));
        }
        jobs.sort(Comparator.comparing(GeneratedJob::on).thenComparing(GeneratedJob::vehicle));
        return jobs;
    }

    private List<GeneratedJob> vehicle(int v, LocalDate from, LocalDate to) {
        double kmPerDay = 20 + random.nextDouble() * 60;
        int startKm = 5_000 + random.nextInt(80_000);
        boolean tyres = random.nextDouble() < 0.6;
        List<GeneratedJob> jobs = new ArrayList<>();
        LocalDate lastOil = from.minusDays(random.nextInt(300));
        int lastOilKm = startKm - (int) (kmPerDay * ChronoUnit.DAYS.between(lastOil, from));
        LocalDate lastAir = lastOil.minusMonths(random.nextInt(12));
        LocalDate lastFluid = lastOil.minusMonths(random.nextInt(18));
        int lastAirKm = lastOilKm - random.nextInt(15_000);
        List<LocalDate> faults = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (random.nextDouble() < 0.8 / 365) {
                faults.add(day);
            }
        }
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            int km = startKm + (int) (kmPerDay * ChronoUnit.DAYS.between(from, day));
            boolean oilDue = km - lastOilKm >= 15_000 || !day.isBefore(lastOil.plusMonths(12));
            LocalDate today = day;
            boolean fault = faults.contains(day);
            boolean oilSoon = km + kmPerDay * 30 - lastOilKm >= 15_000
                    || !day.plusDays(30).isBefore(lastOil.plusMonths(12));
            boolean tyreDay = tyres && (day.getMonthValue() == 4 && day.getDayOfMonth() == 1 + v % 28
                    || day.getMonthValue() == (v % 2 == 0 ? 10 : 11) && day.getDayOfMonth() == 1 + v % 28);
            boolean serviceToday = oilDue && random.nextDouble() < 1 / 15.0;
            if (!serviceToday && !fault && !tyreDay) {
                continue;
            }
            Set<String> work = new LinkedHashSet<>();
            List<String> codes = new ArrayList<>();
            String concern = "Booked visit";
            if (serviceToday || fault && oilSoon) {
                work.add(OIL);
                if (km - lastAirKm >= 30_000 || !today.isBefore(lastAir.plusMonths(24))) {
                    work.add(AIR_FILTER);
                    lastAir = today;
                    lastAirKm = km;
                }
                if (!today.isBefore(lastFluid.plusMonths(24))) {
                    work.add(BRAKE_FLUID);
                    lastFluid = today;
                }
                lastOil = today;
                lastOilKm = km;
                concern = "Annual service";
            }
            if (fault) {
                Fault kind = FAULTS.get(random.nextInt(FAULTS.size()));
                concern = kind.concerns().get(random.nextInt(kind.concerns().size()));
                if (kind.code() != null && random.nextDouble() < 0.85) {
                    codes.add(kind.code());
                }
                for (int i = 0; i < kind.repairs().size(); i++) {
                    if (random.nextDouble() < kind.chances()[i]) {
                        work.add(kind.repairs().get(i));
                    }
                }
            }
            if (tyreDay) {
                work.add(day.getMonthValue() == 4 ? SUMMER : WINTER);
            }
            if (!work.isEmpty()) {
                jobs.add(new GeneratedJob(v, day, km, concern, codes, work));
            }
        }
        return jobs;
    }
}
